package fr.moncompte.portal.domain.event;

/**
 * The events of this module: what happens to people's accounts and access (SPEC §6), and two that only carry a
 * one-time link to the person who asked for it (never switched off, never in the in-app list): a password reset and
 * the confirmation of a new e-mail address.
 */
public enum AccountEventType implements EventType {
    USER_INVITED,
    PASSWORD_CHANGED,
    EMAIL_CHANGED,
    ACCOUNT_LOCKED,
    ACCESS_GRANTED,
    ACCESS_REVOKED,
    PASSWORD_RESET_REQUESTED,
    EMAIL_CHANGE_REQUESTED,
    MEMBERSHIP_ENDED,
    /** An existing person asked to join another company; they answer in Mon compte (issue 19). */
    COMPANY_INVITATION,
    /** A second factor added to or removed from the account, a recovery code used, the codes made anew (issue 20). */
    SECOND_FACTOR_ADDED,
    SECOND_FACTOR_REMOVED,
    RECOVERY_CODE_USED,
    RECOVERY_CODES_REGENERATED,
    /** An operator removed every second factor of a person who lost them (issue 20). */
    SECOND_FACTOR_RESET,
    /**
     * A company's invoices go to another party from a month on (issue 21): the administrators of the client's account
     * and of each firm concerned are told.
     */
    BILLING_ARRANGEMENT_CHANGED
}
