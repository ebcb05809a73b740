/** Billing arithmetic and numbering: proration by days, rounding per line, VAT, invoice numbers. */
package fr.moncompte.portal.billing.control;
