package fr.moncompte.portal.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
    @ConfigProperty(name = "portal.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    @Inject
    LocaleSelection localeSelection;

    public String format(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneId.of(timeZone))
                .format(instant);
    }

    /** A day as the page's language writes it: "1 janvier 2026", "January 1, 2026"; nothing for none. */
    public String day(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(localeSelection.getLocale()).format(date);
    }

    /** Today in the portal's time zone, the day subscriptions start and end by. */
    public LocalDate today() {
        return LocalDate.now(ZoneId.of(timeZone));
    }
}
