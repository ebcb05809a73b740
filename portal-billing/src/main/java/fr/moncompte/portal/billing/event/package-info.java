/** The billing module's events: what it announces of invoices and payments, with what a notice about them says. */
package fr.moncompte.portal.billing.event;
