package fr.moncompte.portal.billing.invoice.entity;

/** A line bills an application's monthly price, its user seats, or (on a credit note) what is cancelled. */
public enum LineKind {
    SUBSCRIPTION, SEATS, CREDIT
}
