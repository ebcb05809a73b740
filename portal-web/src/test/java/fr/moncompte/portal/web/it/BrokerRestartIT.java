package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker restarts in the middle of a burst of committed events: nothing is lost and nobody is told twice. The
 * events are persistent messages on a durable queue, so those not yet acknowledged, the ones delivered to the portal
 * and in its hands at that moment included, are there again after the restart (a delivery the portal had already
 * handled is recognised by its claim: EventDeliveryIT sends one twice); the portal's consumers and its pool of
 * outgoing connections find the broker again by themselves (the event published after the restart).
 */
@Order(1000)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerRestartIT extends DeployedPortal {

    static final int BURST = 1000;
    /** Olivia, the operator: no other test reads her inbox. */
    static final long OLIVIA = 1;
    static final String ID_PREFIX = "00000000-0000-4000-9000-";
    static final DomainEvent AFTER_THE_RESTART = event(BURST);

    @EJB
    ApplicationEvents events;

    @Resource
    UserTransaction transaction;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Test
    @Order(1)
    void a_burst_of_events_is_committed() throws Exception {
        List<DomainEvent> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(event(i));
        }
        transaction.begin();
        events.publishAll(burst);
        transaction.commit();
    }

    @Test
    @Order(2)
    @RunAsClient
    void the_broker_restarts_while_the_portal_works_through_the_burst() throws Exception {
        String queue = ApplicationEvents.QUEUE_ADDRESS;
        long deadline = System.currentTimeMillis() + 60_000;
        // As soon as the portal has acknowledged its first events of the burst, and not all of them.
        while (TestInfrastructure.messagesOn(queue) >= BURST && System.currentTimeMillis() < deadline) {
            Thread.sleep(5); // polling the broker in this JVM; nothing else to wait on
        }
        long left = TestInfrastructure.messagesOn(queue);
        long inFlight = TestInfrastructure.inFlightOn(queue);
        int mailedBefore = burstMails().size();
        TestInfrastructure.restartBroker();

        assertTrue(left > 0 && left < BURST, "the restart came in the middle of the burst: " + left + " events left");
        assertTrue(inFlight > 0, "some events were in the portal's hands, delivered and not acknowledged");
        List<MimeMessage> mailed = awaitTheBurstSaying(queue);
        Map<String, Long> copies = mailed.stream().collect(Collectors.groupingBy(BrokerRestartIT::messageId,
                Collectors.counting()));
        assertEquals(BURST, copies.size(), "every event of the burst was mailed (" + mailedBefore
                + " before the restart, " + left + " events still on the broker then)");
        assertEquals(Map.of(), copies.entrySet().stream().filter(copy -> copy.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "nobody was mailed twice");
        assertEquals(List.of(), Mailbox.settled(BrokerRestartIT::ofTheBurst).stream()
                .skip(BURST).map(BrokerRestartIT::messageId).toList(), "no late copy either");
    }

    /**
     * Waits for the burst's mails (three minutes at most), saying every 15 s past the first 15 where the events and
     * mails stand: seen once in CI, the wait after a restart took three minutes instead of ten seconds, and that
     * trace is what the next occurrence needs to tell a broker-side wait from a mail-side one.
     */
    private static List<MimeMessage> awaitTheBurstSaying(String queue) {
        long started = System.currentTimeMillis();
        List<MimeMessage> mailed = Mailbox.await(BrokerRestartIT::ofTheBurst, BURST, 15_000);
        while (mailed.size() < BURST && System.currentTimeMillis() - started < 180_000) {
            System.out.printf("BrokerRestartIT after %d s: %d of %d mails; on the queue %d messages, %d delivering,"
                            + " %d scheduled for redelivery%n", (System.currentTimeMillis() - started) / 1000,
                    mailed.size(), BURST, TestInfrastructure.messagesOn(queue), TestInfrastructure.inFlightOn(queue),
                    TestInfrastructure.scheduledOn(queue));
            mailed = Mailbox.await(BrokerRestartIT::ofTheBurst, BURST, 15_000);
        }
        return mailed;
    }

    @Test
    @Order(3)
    void after_the_restart_the_portal_still_publishes_and_has_recorded_every_event() throws Exception {
        transaction.begin();
        events.publish(AFTER_THE_RESTART);
        transaction.commit();

        long recorded = em.createQuery(
                        "select count(n) from Notification n where n.eventId like :burst and n.eventId <> :after",
                        Long.class)
                .setParameter("burst", ID_PREFIX + "%").setParameter("after", AFTER_THE_RESTART.id().toString())
                .getSingleResult();
        assertEquals(BURST, recorded, "each event of the burst is in Olivia's inbox");
    }

    @Test
    @Order(4)
    @RunAsClient
    void the_event_published_after_the_restart_is_mailed_too() {
        String reference = AFTER_THE_RESTART.id() + "." + OLIVIA;
        assertEquals(1, Mailbox.await(Mailbox.withMessageId(reference), 1, 60_000).size(),
                "the pool of outgoing connections found the broker again");
    }

    @Test
    @Order(5)
    void the_burst_leaves_nothing_behind_for_other_tests() throws Exception {
        // The IT classes share a database on PostgreSQL: Olivia's inbox goes back to what it was.
        transaction.begin();
        em.createQuery("delete from Notification n where n.eventId like :burst")
                .setParameter("burst", ID_PREFIX + "%").executeUpdate();
        em.createQuery("delete from OutgoingMail m where m.reference like :burst")
                .setParameter("burst", ID_PREFIX + "%").executeUpdate();
        transaction.commit();
    }

    static DomainEvent event(int number) {
        return new DomainEvent(UUID.fromString(ID_PREFIX + String.format("%012d", number)), AccountEventType.PASSWORD_CHANGED.name(),
                Instant.parse("2026-11-28T09:00:00Z"), OLIVIA, Map.of(DomainEvent.ACCOUNT, Long.toString(OLIVIA)));
    }

    static List<MimeMessage> burstMails() {
        return Mailbox.matching(BrokerRestartIT::ofTheBurst);
    }

    static boolean ofTheBurst(MimeMessage message) {
        String id = messageId(message);
        return id != null && id.startsWith("<" + ID_PREFIX) && !id.startsWith("<" + AFTER_THE_RESTART.id());
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
