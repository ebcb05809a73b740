package fr.moncompte.portal.notifications.mail.entity;

/** Where a queued mail stands: waiting (first try or a retry), gone out, or given up after the last try. */
public enum MailState {
    PENDING, SENT, DEAD
}
