package fr.moncompte.portal.notifications.preference.entity;

/** How an event comes on one channel: not at all, as it happens, or gathered in a daily digest. */
public enum Delivery {
    OFF, IMMEDIATE, DIGEST;

    public static Delivery of(boolean enabled, boolean digest) {
        return !enabled ? OFF : digest ? DIGEST : IMMEDIATE;
    }
}
