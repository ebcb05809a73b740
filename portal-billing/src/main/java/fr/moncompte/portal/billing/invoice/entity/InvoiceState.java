package fr.moncompte.portal.billing.invoice.entity;

/** An invoice stays issued until a credit note cancels all of it. */
public enum InvoiceState {
    ISSUED, CREDITED
}
