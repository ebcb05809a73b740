package fr.moncompte.portal.domain.organisation.entity;

/** Whose contract a customer account is: a client's own, or an accounting firm's. */
public enum AccountKind {
    CLIENT, FIRM
}
