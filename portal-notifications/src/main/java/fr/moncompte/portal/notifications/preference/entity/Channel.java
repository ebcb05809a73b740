package fr.moncompte.portal.notifications.preference.entity;

/** Where a notification reaches a person: by e-mail, or in the portal's inbox (the bell). */
public enum Channel {
    EMAIL, IN_APP
}
