package fr.moncompte.portal.domain.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Produces the {@link Clock} that every boundary, control and page injects instead of calling {@code now()}: the
 * system's time, in the portal's time zone ({@code portal.time-zone}, Paris by default), so that "today" is the same
 * day for a page, the API, a provider's notice and a nightly job whatever zone the JVM runs in. Integration tests put a
 * clock of their own in its place (a CDI alternative in the test archive) to move time instead of rewriting rows;
 * Java SE tests hand a fixed clock to the class they test.
 */
@ApplicationScoped
public class PortalClock {

    @Inject
    @ConfigProperty(name = "portal.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    @Produces
    public Clock clock() {
        return Clock.system(ZoneId.of(timeZone));
    }
}
