/** Invoices and credit notes: issued once, never changed, read within the caller's scope. */
package fr.moncompte.portal.billing.invoice;
