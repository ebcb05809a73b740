package fr.moncompte.portal.billing.payment.entity;

/** What happened to an invoice's payment. */
public enum PaymentEventKind {
    PAYMENT, FAILURE, REFUND, OVERDUE
}
