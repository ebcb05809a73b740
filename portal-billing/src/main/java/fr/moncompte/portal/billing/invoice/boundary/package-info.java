/** Reading invoices and their documents within scope, and issuing credit notes. */
package fr.moncompte.portal.billing.invoice.boundary;
