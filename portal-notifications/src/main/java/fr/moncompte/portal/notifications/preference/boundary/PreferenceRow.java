package fr.moncompte.portal.notifications.preference.boundary;

import fr.moncompte.portal.notifications.preference.entity.Delivery;
import fr.moncompte.portal.notifications.topic.Topic;

/**
 * One line of a person's preferences form: an event type and, per channel, how it comes.
 *
 * @param mandatory the person cannot switch it off; the form shows it locked, with the reason in words
 */
public record PreferenceRow(Topic type, boolean mandatory, Setting email, Setting inApp) {

    /**
     * @param offered  the event can come on this channel at all
     * @param delivery how it comes ({@link Delivery#IMMEDIATE} for a mandatory one)
     */
    public record Setting(boolean offered, Delivery delivery) {
    }
}
