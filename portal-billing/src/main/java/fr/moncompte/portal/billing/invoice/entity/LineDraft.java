package fr.moncompte.portal.billing.invoice.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line before it is written: what it bills, for which days, how many (seats as users × share of the month, two
 * decimals), at which unit price, and its amount excl. VAT rounded to the cent.
 *
 * @param label the application's name in the invoice's language
 */
public record LineDraft(LineKind kind, String applicationCode, String label, LocalDate from, LocalDate to,
                        BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
}
