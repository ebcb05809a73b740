/** Invoices: the lists of "Mon compte › Factures" and "Entreprises › Factures", one invoice, its PDF. */
package fr.moncompte.portal.web.invoices;
