package fr.moncompte.portal.billing.invoice.entity;

/**
 * What may happen to an invoice once issued (SPEC §5), whoever asks: an operator on the invoice page or through the
 * API, a payment provider's notice, the demo data. {@link Invoice#refusal(PaymentMove)} says whether it may happen now.
 */
public enum PaymentMove {
    /** Money received (a transfer, a card, a direct debit that went through). */
    PAYMENT,
    /** A direct debit that came back rejected. */
    FAILURE,
    /** What was received, paid back. */
    REFUND,
    /** A credit note on all or part of the invoice. */
    CREDIT
}
