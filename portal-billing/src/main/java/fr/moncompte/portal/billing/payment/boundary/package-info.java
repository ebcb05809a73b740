/** Recording payments and failures, and marking overdue invoices each day. */
package fr.moncompte.portal.billing.payment.boundary;
