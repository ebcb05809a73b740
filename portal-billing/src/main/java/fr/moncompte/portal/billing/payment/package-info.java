/** What happens to an invoice's payment: received, failed, refunded, overdue. */
package fr.moncompte.portal.billing.payment;
