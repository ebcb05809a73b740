package fr.moncompte.portal.domain.session.boundary;

import fr.moncompte.portal.domain.session.entity.UserSession;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.time.Instant;

/**
 * The signed-in sessions as a MicroProfile Metrics gauge ({@code portal_sessions_active}): sessions neither ended nor
 * idle nor past their twelve hours, counted in the database, so every node of a cluster says the same number.
 * Counted at most every five seconds, however often the metrics are read.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionMetrics {

    private static final long COUNT_KEPT_NANOS = 5_000_000_000L;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    MetricRegistry metrics;

    @Resource
    SessionContext context;

    private volatile long active;
    private volatile long countedAt = System.nanoTime() - 2 * COUNT_KEPT_NANOS;

    @PostConstruct
    void register() {
        // Read through the container, so that the count runs with the bean's persistence context wherever the
        // metrics are read from.
        SessionMetrics self = context.getBusinessObject(SessionMetrics.class);
        metrics.gauge(Metadata.builder().withName("portal.sessions.active")
                .withDescription("Signed-in sessions neither ended, idle nor past their 12 hours (whole cluster)")
                .build(), self::active);
    }

    /** Not for callers: public for the container's proxy, which the gauge reads through. */
    public long active() {
        long now = System.nanoTime();
        if (now - countedAt > COUNT_KEPT_NANOS) {
            Instant at = clock.instant();
            active = em.createNamedQuery(UserSession.ACTIVE_COUNT, Long.class)
                    .setParameter("startedAfter", at.minus(UserSession.ABSOLUTE_LIMIT))
                    .setParameter("seenAfter", at.minus(UserSession.IDLE_LIMIT))
                    .getSingleResult();
            countedAt = now;
        }
        return active;
    }
}
