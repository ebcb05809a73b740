package fr.moncompte.portal.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Moments as people read them: in the portal's time zone ({@code portal.time-zone}) and the page's language. */
@ApplicationScoped
public class TimeDisplay {

    @Inject
    @ConfigProperty(name = "portal.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    public String format(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZoneId.of(timeZone))
                .format(instant);
    }
}
