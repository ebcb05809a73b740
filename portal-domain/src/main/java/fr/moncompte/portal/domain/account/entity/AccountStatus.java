package fr.moncompte.portal.domain.account.entity;

/** Where a user account stands; only {@link #ACTIVE} accounts sign in. */
public enum AccountStatus {
    INVITED, ACTIVE, LOCKED, DISABLED
}
