package fr.moncompte.portal.billing.control;

import fr.moncompte.portal.billing.control.InvoiceNumber.Kind;
import fr.moncompte.portal.billing.control.Proration.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BillingArithmeticTest {

    static final YearMonth FEBRUARY_2026 = YearMonth.of(2026, 2);
    static final YearMonth MARCH_2026 = YearMonth.of(2026, 3);

    @Test
    void a_whole_month_pays_the_monthly_price_and_part_of_one_its_days() {
        assertEquals(new BigDecimal("29.00"), Proration.line(new BigDecimal("29.00"), MARCH_2026,
                new Period(LocalDate.of(2026, 1, 1), null)));
        // From 16 March: 16 days of 31 → 29 × 16 / 31 = 14.967… → 14.97.
        assertEquals(new BigDecimal("14.97"), Proration.line(new BigDecimal("29.00"), MARCH_2026,
                new Period(LocalDate.of(2026, 3, 16), null)));
        // Ended on 14 February (both days included): 14 of 28 days → half.
        assertEquals(new BigDecimal("14.50"), Proration.line(new BigDecimal("29.00"), FEBRUARY_2026,
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 14))));
        // Started and ended the same day: one day.
        assertEquals(1, Proration.daysCovered(MARCH_2026,
                new Period(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9))));
        // Outside the month: nothing.
        assertEquals(new BigDecimal("0.00"), Proration.line(new BigDecimal("29.00"), MARCH_2026,
                new Period(LocalDate.of(2026, 4, 1), null)));
        assertEquals(0, Proration.daysCovered(MARCH_2026,
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28))));
    }

    @Test
    void rounding_is_half_up_to_the_cent_once_per_line() {
        // 0.125 for the month is 0.13 half-up (half-even, the banks' rounding, would give 0.12).
        assertEquals(new BigDecimal("0.13"), Proration.line(new BigDecimal("0.125"), YearMonth.of(2026, 1),
                new Period(LocalDate.of(2026, 1, 1), null)));
        // 1 day of 31 at 0.31 is exactly 0.01.
        assertEquals(new BigDecimal("0.01"), Proration.line(new BigDecimal("0.31"), MARCH_2026,
                new Period(LocalDate.of(2026, 3, 31), null)));
        // Three users each 10 days of 31 at 5.00: rounded once (30 × 5 / 31 = 4.838… → 4.84), not three times
        // (3 × 1.61 = 4.83).
        List<Period> seats = List.of(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)),
                new Period(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 20)),
                new Period(LocalDate.of(2026, 3, 22), null));
        assertEquals(new BigDecimal("4.84"), Proration.seats(new BigDecimal("5.00"), MARCH_2026, seats));
        assertEquals(new BigDecimal("0.97"), Proration.seatQuantity(MARCH_2026, seats));
    }

    @Test
    void vat_is_taken_on_the_sum_of_the_lines_at_the_configured_rate() {
        Totals totals = Totals.of(List.of(new BigDecimal("14.97"), new BigDecimal("4.84"), new BigDecimal("0.01")),
                new BigDecimal("0.20"));
        assertEquals(new BigDecimal("19.82"), totals.excludingVat());
        assertEquals(new BigDecimal("3.96"), totals.vat(), "19.82 × 0.20 = 3.964 → 3.96");
        assertEquals(new BigDecimal("23.78"), totals.includingVat());
        assertEquals(new BigDecimal("0.01"), Totals.of(List.of(new BigDecimal("0.03")), new BigDecimal("0.20")).vat(),
                "0.006 → 0.01, half-up");
        assertEquals(new BigDecimal("0.00"), Totals.of(List.of(), new BigDecimal("0.20")).includingVat());
        assertThrows(IllegalArgumentException.class, () -> Totals.of(List.of(), new BigDecimal("20")));
        assertThrows(ArithmeticException.class,
                () -> Totals.of(List.of(new BigDecimal("0.001")), new BigDecimal("0.2")), "lines come rounded");
    }

    @Test
    void numbers_are_one_sequence_per_kind_and_year_with_six_digits_at_least() {
        assertEquals("F2026-000001", new InvoiceNumber(Kind.INVOICE, 2026, 1).toString());
        assertEquals("A2026-000042", new InvoiceNumber(Kind.CREDIT_NOTE, 2026, 42).toString());
        assertEquals("F2027-1000000", new InvoiceNumber(Kind.INVOICE, 2027, 1_000_000).toString());
        assertEquals(new InvoiceNumber(Kind.CREDIT_NOTE, 2026, 42), InvoiceNumber.parse("A2026-000042"));
        for (String wrong : List.of("F2026-1", "X2026-000001", "F26-000001", "F2026-000000", "")) {
            assertThrows(IllegalArgumentException.class, () -> InvoiceNumber.parse(wrong), wrong);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)));
    }
}
