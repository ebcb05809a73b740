package fr.moncompte.portal.billing.invoice.boundary;

/** The columns a list of invoices sorts by, each with a tie-break so that pages never overlap. */
public enum InvoiceOrder {
    ISSUE_DATE("i.issueDate"), NUMBER("i.number"), COMPANY("i.companyName"), TOTAL("i.totalIncludingVat"),
    DUE_DATE("i.dueDate"), PAYMENT_STATE("i.paymentState");

    final String path;

    InvoiceOrder(String path) {
        this.path = path;
    }
}
