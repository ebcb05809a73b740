package fr.moncompte.portal.notifications.delivery.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestTimesTest {

    final DigestTimes times = new DigestTimes("07:00", "Europe/Paris");

    @Test
    void the_digest_goes_at_seven_paris_time_winter_and_summer() {
        // 28 November: UTC+1, so 07:00 in Paris is 06:00 UTC.
        assertEquals(Instant.parse("2026-11-29T06:00:00Z"), times.next(Instant.parse("2026-11-28T18:00:00Z")));
        assertEquals(Instant.parse("2026-11-28T06:00:00Z"), times.next(Instant.parse("2026-11-28T05:59:59Z")));
        assertEquals(Instant.parse("2026-11-28T06:00:00Z"), times.last(Instant.parse("2026-11-28T18:00:00Z")));
        assertEquals(Instant.parse("2026-11-27T06:00:00Z"), times.last(Instant.parse("2026-11-28T05:59:59Z")));
        // 1 July: UTC+2.
        assertEquals(Instant.parse("2026-07-01T05:00:00Z"), times.last(Instant.parse("2026-07-01T05:00:00Z")));
    }

    @Test
    void a_digest_is_named_after_its_day_in_paris() {
        assertEquals(LocalDate.of(2026, 11, 29), times.dayOf(Instant.parse("2026-11-28T23:30:00Z")));
    }
}
