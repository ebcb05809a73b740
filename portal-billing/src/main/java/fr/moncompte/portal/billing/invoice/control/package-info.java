/** Computing an invoice from a company's month, numbering without gaps, writing issued invoices. */
package fr.moncompte.portal.billing.invoice.control;
