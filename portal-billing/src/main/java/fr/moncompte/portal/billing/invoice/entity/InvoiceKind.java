package fr.moncompte.portal.billing.invoice.entity;

import fr.moncompte.portal.billing.control.InvoiceNumber;

/** An invoice, or a credit note (avoir) that cancels all or part of one; each has its own numbering. */
public enum InvoiceKind {
    INVOICE(InvoiceNumber.Kind.INVOICE), CREDIT_NOTE(InvoiceNumber.Kind.CREDIT_NOTE);

    private final InvoiceNumber.Kind numbering;

    InvoiceKind(InvoiceNumber.Kind numbering) {
        this.numbering = numbering;
    }

    public InvoiceNumber.Kind numbering() {
        return numbering;
    }
}
