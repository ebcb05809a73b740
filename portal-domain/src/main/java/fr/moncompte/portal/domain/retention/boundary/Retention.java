package fr.moncompte.portal.domain.retention.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Keeps traces no longer than needed (GDPR art. 5(1)(e), issue 21): sign-in attempts older than
 * {@code portal.retention.sign-in-attempts} (365 days by default) and sessions ended longer ago than
 * {@code portal.retention.ended-sessions} (365 days) are deleted every night; the notifications module does the same
 * for sent mails. The audit log is not a trace but the record of changes, and stays.
 */
@Stateless
@PermitAll
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.retention.sign-in-attempts", defaultValue = "P365D")
    Duration signInAttempts;

    @Inject
    @ConfigProperty(name = "portal.retention.ended-sessions", defaultValue = "P365D")
    Duration endedSessions;

    @Schedule(hour = "2", minute = "30", persistent = false, info = "retention")
    void nightly() {
        purge();
    }

    /** Deletes what is past its period now; answers how many attempts and sessions went. */
    public int[] purge() {
        Instant now = clock.instant();
        int attempts = em.createQuery("delete from SignInAttempt a where a.occurredAt < :before")
                .setParameter("before", now.minus(signInAttempts)).executeUpdate();
        int sessions = em.createQuery("delete from UserSession s where s.endedAt is not null and s.endedAt < :before")
                .setParameter("before", now.minus(endedSessions)).executeUpdate();
        LOG.info(() -> "Retention: " + attempts + " sign-in attempt(s) older than " + signInAttempts + " and "
                + sessions + " session(s) ended before " + endedSessions + " deleted.");
        return new int[]{attempts, sessions};
    }
}
