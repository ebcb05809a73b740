package fr.moncompte.portal.billing.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Monthly prices prorated by days (SPEC §5): a subscription or a seat that covers part of the month pays for the days
 * it covers, out of the month's days. Each line is rounded half-up to the cent once, at the end.
 */
public final class Proration {

    /** A period of days, both ends included; an open end ({@code null}) runs past any month. */
    public record Period(LocalDate from, LocalDate to) {

        public Period {
            if (from == null) {
                throw new IllegalArgumentException("a period starts on a day");
            }
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("a period ends on or after its start: " + from + " > " + to);
            }
        }
    }

    private Proration() {
    }

    /** The days of {@code month} the period covers (0 when they do not meet). */
    public static long daysCovered(YearMonth month, Period period) {
        LocalDate first = later(month.atDay(1), period.from());
        LocalDate last = period.to() == null ? month.atEndOfMonth() : earlier(month.atEndOfMonth(), period.to());
        return last.isBefore(first) ? 0 : ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** One subscription's line: the monthly price for the days covered, to the cent. */
    public static BigDecimal line(BigDecimal monthlyPrice, YearMonth month, Period period) {
        return prorate(monthlyPrice, daysCovered(month, period), month);
    }

    /**
     * One application's seat line: the seat price for every day a user had access, all users together, to the cent
     * (rounding once per line, not once per user).
     */
    public static BigDecimal seats(BigDecimal monthlySeatPrice, YearMonth month, Collection<Period> accesses) {
        long days = accesses.stream().mapToLong(access -> daysCovered(month, access)).sum();
        return prorate(monthlySeatPrice, days, month);
    }

    /** The seats a line bills, as a quantity with two decimals: 2.50 is two users all month and one half of it. */
    public static BigDecimal seatQuantity(YearMonth month, Collection<Period> accesses) {
        long days = accesses.stream().mapToLong(access -> daysCovered(month, access)).sum();
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal prorate(BigDecimal monthlyPrice, long days, YearMonth month) {
        return monthlyPrice.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
