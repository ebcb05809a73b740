/**
 * Billing: monthly runs, invoices and credit notes, gap-free numbering, payments and Factur-X documents.
 * Empty until the billing issue lands; the module exists now so that the build, the WAR and the EAR have their
 * final shape.
 */
package fr.moncompte.portal.billing;
