package fr.moncompte.portal.domain.event;

/** The events of SPEC §6. */
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
    PAYMENT_RECEIVED
}
