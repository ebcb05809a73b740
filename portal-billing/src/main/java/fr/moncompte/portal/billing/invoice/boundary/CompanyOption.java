package fr.moncompte.portal.billing.invoice.boundary;

/** A company some invoices in scope are about, for the company filter. */
public record CompanyOption(long id, String name) {
}
