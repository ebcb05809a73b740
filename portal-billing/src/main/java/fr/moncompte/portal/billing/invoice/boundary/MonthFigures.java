package fr.moncompte.portal.billing.invoice.boundary;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A billed month's figures (issue 21, the charts): invoices issued, how many of them are paid, and the amount invoiced
 * incl. VAT less the credit notes of that month.
 */
public record MonthFigures(YearMonth month, long issued, long paid, BigDecimal invoiced) {
}
