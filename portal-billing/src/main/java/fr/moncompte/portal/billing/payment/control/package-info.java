/** Applying what happened to a payment to the invoice, once per idempotency key, with its domain event. */
package fr.moncompte.portal.billing.payment.control;
