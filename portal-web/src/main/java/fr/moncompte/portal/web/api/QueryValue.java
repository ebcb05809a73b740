package fr.moncompte.portal.web.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A query or path parameter read from text, so that a value of the wrong shape is a clear 400
 * ({@code api.parameter.invalid}, naming the parameter and the shape expected) rather than JAX-RS's 404.
 * Absent or blank values are {@code null}: the filter is not applied.
 */
public final class QueryValue {

    private QueryValue() {
    }

    /** {@code 2026-03}. */
    public static YearMonth month(String name, String value) {
        try {
            return blank(value) ? null : YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("api.parameter.invalid", name, "2026-03");
        }
    }

    /** {@code 2026-03-31}. */
    public static LocalDate day(String name, String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("api.parameter.invalid", name, "2026-03-31");
        }
    }

    /** A whole number, such as an id. */
    public static Long number(String name, String value) {
        try {
            return blank(value) ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequest("api.parameter.invalid", name, "42");
        }
    }

    /** One of the constants of {@code type}, in any case. */
    public static <E extends Enum<E>> E constant(String name, Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("api.parameter.invalid", name, String.join(" | ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
