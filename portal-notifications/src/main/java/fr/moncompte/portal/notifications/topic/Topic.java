package fr.moncompte.portal.notifications.topic;

import java.util.Optional;

/**
 * What a person can be told of (SPEC §6), each named as the event that causes it: the accounts' and access events of
 * the domain module, the invoices' and payments' events of the billing module. This module knows those events by
 * their names only, never through the modules' classes; an event it does not tell of has no topic.
 */
public enum Topic {
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
    EMAIL_CHANGE_REQUESTED,
    MEMBERSHIP_ENDED,
    COMPANY_INVITATION,
    SECOND_FACTOR_ADDED,
    SECOND_FACTOR_REMOVED,
    RECOVERY_CODE_USED,
    RECOVERY_CODES_REGENERATED,
    SECOND_FACTOR_RESET,
    BILLING_ARRANGEMENT_CHANGED;

    /** The topic of an event of this type, if this module tells of it. */
    public static Optional<Topic> of(String eventType) {
        for (Topic topic : values()) {
            if (topic.name().equals(eventType)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
