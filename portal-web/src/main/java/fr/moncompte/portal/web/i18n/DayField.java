package fr.moncompte.portal.web.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * What a date field ({@code <input type="date">}, which sends yyyy-MM-dd whatever the language shows) holds: a day,
 * nothing, or something malformed. A browser without a date picker lets people type: dd/mm/yyyy, as the error
 * message asks, is read too.
 */
public record DayField(String typed, LocalDate day) {

    private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    public static DayField of(String typed) {
        if (typed == null || typed.isBlank()) {
            return new DayField(typed, null);
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return new DayField(typed, LocalDate.parse(typed.strip(), format));
            } catch (DateTimeParseException notThisOne) {
                // the next format
            }
        }
        return new DayField(typed, null);
    }

    public boolean malformed() {
        return typed != null && !typed.isBlank() && day == null;
    }
}
