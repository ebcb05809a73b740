package fr.moncompte.portal.web.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Test-only (never in the shipped WAR): the portal's clock, in the place of the domain's {@code PortalClock}, moved
 * ahead by the tests through {@link ClockProbe} to see what a quarter of an hour or a day later looks like without
 * waiting or rewriting rows. Every bean's clock reads the one offset, so the whole portal moves at once; a test that
 * moves it puts it back when it ends.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MovableClock {

    private static volatile Duration ahead = Duration.ZERO;

    @Inject
    @ConfigProperty(name = "portal.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    static void moveAhead(Duration by) {
        ahead = ahead.plus(by);
    }

    static void putBack() {
        ahead = Duration.ZERO;
    }

    static Duration ahead() {
        return ahead;
    }

    @Produces
    public Clock clock() {
        return new Moved(ZoneId.of(timeZone));
    }

    /** The system's time plus the current offset, read at every call. */
    private static final class Moved extends Clock {

        private final ZoneId zone;

        Moved(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Moved(other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }
}
