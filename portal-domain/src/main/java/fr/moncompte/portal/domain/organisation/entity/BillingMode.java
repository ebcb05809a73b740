package fr.moncompte.portal.domain.organisation.entity;

/** Who receives a company's invoices: its own account, or its accounting firm. */
public enum BillingMode {
    DIRECT, FIRM
}
