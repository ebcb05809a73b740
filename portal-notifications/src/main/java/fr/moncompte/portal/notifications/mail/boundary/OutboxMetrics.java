package fr.moncompte.portal.notifications.mail.boundary;

import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.notifications.mail.control.MailOutbox;
import fr.moncompte.portal.notifications.mail.entity.MailState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.Enumeration;
import java.util.Map;

/**
 * The queue depths as MicroProfile Metrics gauges ({@code /metrics?scope=application}): mails waiting in the outbox,
 * mails given up (the dead-letter list), and domain events waiting in the broker for the notifications to consume
 * them (counted by browsing, up to {@link #BROWSE_LIMIT}; more reads as that limit).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxMetrics {

    static final int BROWSE_LIMIT = 100_000;
    private static final long COUNTS_KEPT_NANOS = 1_000_000_000L;

    @Inject
    MetricRegistry metrics;

    @EJB
    MailOutbox outbox;

    @Resource(lookup = ApplicationEvents.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = ApplicationEvents.QUEUE)
    Queue events;

    private volatile Map<MailState, Long> counts = Map.of();
    private volatile long countedAt = System.nanoTime() - 2 * COUNTS_KEPT_NANOS;

    @PostConstruct
    void register() {
        metrics.gauge(Metadata.builder().withName("portal.mails.pending")
                .withDescription("Mails in the outbox waiting for their first or next try").build(),
                () -> count(MailState.PENDING));
        metrics.gauge(Metadata.builder().withName("portal.mails.dead")
                .withDescription("Mails given up after their last try (the dead-letter list)").build(),
                () -> count(MailState.DEAD));
        metrics.gauge(Metadata.builder().withName("portal.events.queued")
                .withDescription("Domain events waiting in the broker for the notifications; -1 when it does not answer")
                .build(), this::queuedEvents);
    }

    /** One count of the outbox serves both gauges of a scrape (they are read one after the other). */
    private long count(MailState state) {
        long now = System.nanoTime();
        if (now - countedAt > COUNTS_KEPT_NANOS) {
            counts = outbox.unsent();
            countedAt = now;
        }
        return counts.getOrDefault(state, 0L);
    }

    private long queuedEvents() {
        try (JMSContext context = factory.createContext()) {
            Enumeration<?> messages = context.createBrowser(events).getEnumeration();
            long count = 0;
            while (messages.hasMoreElements() && count < BROWSE_LIMIT) {
                messages.nextElement();
                count++;
            }
            return count;
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return -1;
        }
    }
}
