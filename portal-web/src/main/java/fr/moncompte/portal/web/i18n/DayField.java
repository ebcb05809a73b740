package fr.moncompte.portal.web.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What a date field ({@code <input type="date">}, which sends yyyy-MM-dd whatever the language shows) holds: a day,
 * nothing, or something malformed (a browser without a date picker lets people type anything).
 */
public record DayField(String typed, LocalDate day) {

    public static DayField of(String typed) {
        if (typed == null || typed.isBlank()) {
            return new DayField(typed, null);
        }
        try {
            return new DayField(typed, LocalDate.parse(typed.strip()));
        } catch (DateTimeParseException malformed) {
            return new DayField(typed, null);
        }
    }

    public boolean malformed() {
        return typed != null && !typed.isBlank() && day == null;
    }
}
