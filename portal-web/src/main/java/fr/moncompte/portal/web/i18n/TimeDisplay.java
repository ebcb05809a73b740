package fr.moncompte.portal.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Moments and days as people read them: in the portal's time zone ({@code portal.time-zone}) and the page's language.
 * Pages reach it as {@code timeDisplay}.
 */
@Named
@ApplicationScoped
public class TimeDisplay {

    @Inject
    Clock clock;

    @Inject
    LocaleSelection localeSelection;

    public String format(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(clock.getZone())
                .format(instant);
    }

    /** A day as the page's language writes it: "1 janvier 2026", "January 1, 2026"; nothing for none. */
    public String day(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(localeSelection.getLocale()).format(date);
    }

    /** A month as the page's language writes it: "octobre 2026", "October 2026". */
    public String month(java.time.YearMonth month) {
        return month == null ? "" : DateTimeFormatter.ofPattern("LLLL yyyy", localeSelection.getLocale()).format(month);
    }

    /** An amount in euros as the page's language writes it: "1 234,56 €", "€1,234.56". */
    public String money(java.math.BigDecimal amount) {
        return Amounts.format(amount, localeSelection.getLocale());
    }

    /** A rate as the page's language writes a percentage: "20 %", "20%". */
    public String percent(java.math.BigDecimal rate) {
        java.text.NumberFormat format = java.text.NumberFormat.getPercentInstance(localeSelection.getLocale());
        format.setMaximumFractionDigits(2);
        return rate == null ? "" : format.format(rate);
    }

    /** A quantity with two decimals as the page's language writes it: "1,50", "1.50". */
    public String decimal(java.math.BigDecimal value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(localeSelection.getLocale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return value == null ? "" : format.format(value);
    }

    /** Today in the portal's time zone, the day subscriptions start and end by. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
