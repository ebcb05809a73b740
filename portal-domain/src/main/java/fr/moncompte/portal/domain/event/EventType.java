package fr.moncompte.portal.domain.event;

/**
 * The events of SPEC §6, and two more that only carry a one-time link to the person who asked for it (never switched
 * off, never in the in-app list): a password reset and the confirmation of a new e-mail address.
 */
public enum EventType {
    USER_INVITED,
    PASSWORD_CHANGED,
    EMAIL_CHANGED,
    ACCOUNT_LOCKED,
    ACCESS_GRANTED,
    ACCESS_REVOKED,
    INVOICE_ISSUED,
    INVOICE_OVERDUE,
    PAYMENT_FAILED,
    PAYMENT_RECEIVED,
    PASSWORD_RESET_REQUESTED,
    EMAIL_CHANGE_REQUESTED
}
