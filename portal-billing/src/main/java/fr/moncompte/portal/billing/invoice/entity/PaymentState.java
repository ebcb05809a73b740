package fr.moncompte.portal.billing.invoice.entity;

/**
 * Where an invoice's payment stands (SPEC §5): awaited, received, late (due date passed, unpaid), rejected (a direct
 * debit came back), or paid back.
 */
public enum PaymentState {
    PENDING, PAID, OVERDUE, FAILED, REFUNDED
}
