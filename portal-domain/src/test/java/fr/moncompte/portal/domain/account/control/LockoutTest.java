package fr.moncompte.portal.domain.account.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockoutTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void counts_failures_of_the_last_fifteen_minutes() {
        assertEquals(Instant.parse("2026-11-28T09:45:00Z"), Lockout.countFailuresSince(NOW, null));
        assertEquals(Instant.parse("2026-11-28T09:45:00Z"),
                Lockout.countFailuresSince(NOW, Instant.parse("2026-11-28T09:00:00Z")), "an old success changes nothing");
    }

    @Test
    void a_success_wipes_the_failures_before_it() {
        Instant success = Instant.parse("2026-11-28T09:55:00Z");
        assertEquals(success, Lockout.countFailuresSince(NOW, success));
    }

    @Test
    void the_fifth_failure_locks_for_fifteen_minutes() {
        assertFalse(Lockout.locks(4));
        assertTrue(Lockout.locks(5));
        assertEquals(Instant.parse("2026-11-28T10:15:00Z"), Lockout.lockedUntil(NOW));
    }
}
