package fr.moncompte.portal.domain.account.control;

import java.time.Duration;
import java.time.Instant;

/**
 * SPEC §4 rule 6: five failed sign-ins within fifteen minutes (none counted from before the last success) lock the
 * account for fifteen minutes.
 */
public final class Lockout {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    private Lockout() {
    }

    /** From when failures count: fifteen minutes back, or the last success if it is more recent. */
    public static Instant countFailuresSince(Instant now, Instant lastSuccess) {
        Instant windowStart = now.minus(WINDOW);
        return lastSuccess != null && lastSuccess.isAfter(windowStart) ? lastSuccess : windowStart;
    }

    public static boolean locks(long failuresInWindow) {
        return failuresInWindow >= MAX_FAILURES;
    }

    public static Instant lockedUntil(Instant now) {
        return now.plus(LOCK);
    }
}
