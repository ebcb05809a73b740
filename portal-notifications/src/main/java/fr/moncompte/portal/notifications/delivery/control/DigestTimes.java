package fr.moncompte.portal.notifications.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the daily digest goes: every day at {@code portal.notifications.digest-time} (07:00 by default) in the
 * portal's time zone. A digest gathers what happened before that moment and was not yet told.
 */
@ApplicationScoped
public class DigestTimes {

    @Inject
    @ConfigProperty(name = "portal.notifications.digest-time", defaultValue = "07:00")
    String time;

    @Inject
    @ConfigProperty(name = "portal.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    public DigestTimes() {
    }

    public DigestTimes(String time, String timeZone) {
        this.time = time;
        this.timeZone = timeZone;
    }

    /** The first digest moment after {@code now}. */
    public Instant next(Instant now) {
        ZonedDateTime today = today(now);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    /** The last digest moment at or before {@code now}. */
    public Instant last(Instant now) {
        ZonedDateTime today = today(now);
        return (today.toInstant().isAfter(now) ? today.minusDays(1) : today).toInstant();
    }

    /** The day of a moment, in the portal's time zone. */
    public LocalDate dayOf(Instant moment) {
        return moment.atZone(ZoneId.of(timeZone)).toLocalDate();
    }

    private ZonedDateTime today(Instant now) {
        ZoneId zone = ZoneId.of(timeZone);
        return now.atZone(zone).toLocalDate().atTime(LocalTime.parse(time)).atZone(zone);
    }
}
