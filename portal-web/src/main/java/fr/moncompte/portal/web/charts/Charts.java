package fr.moncompte.portal.web.charts;

import fr.moncompte.portal.billing.invoice.boundary.MonthFigures;
import fr.moncompte.portal.web.i18n.Amounts;
import fr.moncompte.portal.web.i18n.Texts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The portal's charts from billing's month figures, their texts in the page's language. */
public final class Charts {

    private Charts() {
    }

    /** Amounts invoiced incl. VAT (less credit notes), per billed month. */
    public static MonthChart invoiced(List<MonthFigures> months, Locale locale) {
        return chart(months, locale, MonthFigures::invoiced, amount -> Amounts.format(amount, locale),
                "charts.invoiced.title", "charts.invoiced.summary");
    }

    /** Invoices issued per billed month, with how many are paid in words in the table. */
    public static MonthChart issued(List<MonthFigures> months, Locale locale) {
        List<String> texts = months.stream().map(m -> Texts.format(locale, "charts.issued.cell", m.issued(), m.paid()))
                .toList();
        MonthChart counts = chart(months, locale, m -> BigDecimal.valueOf(m.issued()),
                n -> n.toPlainString(), "charts.issued.title", "charts.issued.summary");
        long highest = months.stream().mapToLong(MonthFigures::issued).max().orElse(0);
        List<MonthChart.Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < counts.bars().size(); i++) {
            MonthChart.Bar bar = counts.bars().get(i);
            int paid = highest == 0 ? 0 : (int) Math.round(months.get(i).paid() * (double) MonthChart.AXIS / highest);
            bars.add(new MonthChart.Bar(bar.label(), bar.shortLabel(), texts.get(i), bar.x(), bar.y(), bar.height())
                    .within(paid));
        }
        return new MonthChart(counts.title(), counts.summary(), List.copyOf(bars),
                Texts.format(locale, "charts.issued.legend"), Texts.format(locale, "charts.paid.legend"));
    }

    private static MonthChart chart(List<MonthFigures> months, Locale locale, Function<MonthFigures, BigDecimal> value,
                                    Function<BigDecimal, String> written, String titleKey, String summaryKey) {
        DateTimeFormatter full = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        DateTimeFormatter brief = DateTimeFormatter.ofPattern("MMM yy", locale);
        List<BigDecimal> values = months.stream().map(value).toList();
        MonthFigures highest = months.stream().max(Comparator.comparing(value)).orElse(null);
        BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        YearMonth first = months.isEmpty() ? YearMonth.now() : months.get(0).month();
        YearMonth last = months.isEmpty() ? YearMonth.now() : months.get(months.size() - 1).month();
        String summary = Texts.format(locale, summaryKey, full.format(first), full.format(last), written.apply(total),
                highest == null ? "" : written.apply(value.apply(highest)),
                highest == null ? "" : full.format(highest.month()));
        return new MonthChart(Texts.format(locale, titleKey), summary, MonthChart.bars(
                months.stream().map(m -> full.format(m.month())).toList(),
                months.stream().map(m -> brief.format(m.month())).toList(),
                values.stream().map(written).toList(), values));
    }
}
