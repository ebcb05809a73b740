/** The payment history of an invoice. */
package fr.moncompte.portal.billing.payment.entity;
