package fr.moncompte.portal.web.charts;

import fr.moncompte.portal.billing.invoice.boundary.MonthFigures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charts say in words what they draw, and draw to scale. */
class ChartsTest {

    static final List<MonthFigures> MONTHS = List.of(
            new MonthFigures(YearMonth.of(2026, 1), 3, 3, new BigDecimal("100.00")),
            new MonthFigures(YearMonth.of(2026, 2), 4, 1, new BigDecimal("400.00")),
            new MonthFigures(YearMonth.of(2026, 3), 0, 0, BigDecimal.ZERO));

    @Test
    void the_invoiced_chart_scales_to_the_highest_month_and_sums_up_in_words() {
        MonthChart chart = Charts.invoiced(MONTHS, Locale.FRENCH);
        assertEquals(List.of(50, 200, 0), chart.bars().stream().map(MonthChart.Bar::height).toList());
        assertEquals(List.of(160, 10, 210), chart.bars().stream().map(MonthChart.Bar::y).toList(), "bars stand on the axis");
        assertEquals("mars 2026", chart.bars().get(2).label());
        assertEquals("De janvier 2026 à mars 2026 : 500,00\u00a0€ au total ; le mois le plus élevé, février 2026,"
                + " 400,00\u00a0€.", chart.summary().replace('\u202f', '\u00a0'));
    }

    @Test
    void the_issued_chart_draws_the_paid_ones_inside_and_writes_both() {
        MonthChart chart = Charts.issued(MONTHS, Locale.ENGLISH);
        assertEquals(List.of(150, 200, 0), chart.bars().stream().map(MonthChart.Bar::height).toList());
        assertEquals(List.of(150, 50, 0), chart.bars().stream().map(MonthChart.Bar::secondHeight).toList());
        assertEquals("4 (1 paid)", chart.bars().get(1).text());
        assertEquals("Invoices issued", chart.legend());
    }
}
