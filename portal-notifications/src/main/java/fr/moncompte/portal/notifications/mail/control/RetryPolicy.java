package fr.moncompte.portal.notifications.mail.control;

import java.time.Duration;

/**
 * How long a mail that could not go out waits before its next try: the first delay, doubled after each failure, never
 * more than the longest; after {@code maxAttempts} tries it is dead (an operator replays it).
 */
public record RetryPolicy(Duration firstDelay, Duration longestDelay, int maxAttempts) {

    public RetryPolicy {
        if (firstDelay.isNegative() || longestDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("A retry policy needs 0 <= first delay <= longest and one try at least");
        }
    }

    /** The wait after the {@code attempts}-th failed try (1 for the first). */
    public Duration delayAfter(int attempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempts && delay.compareTo(longestDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }
}
