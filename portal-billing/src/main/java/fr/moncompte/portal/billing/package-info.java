/**
 * Billing: monthly runs, invoices and credit notes, gap-free numbering, payments and Factur-X documents. So far it
 * holds the arithmetic of SPEC §5 ({@code control}); the runs and invoices come with the billing issue.
 */
package fr.moncompte.portal.billing;
