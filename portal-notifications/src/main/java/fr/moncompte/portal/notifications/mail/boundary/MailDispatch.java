package fr.moncompte.portal.notifications.mail.boundary;

import fr.moncompte.portal.notifications.mail.control.Mail;
import fr.moncompte.portal.notifications.mail.control.MailOutbox;
import fr.moncompte.portal.notifications.mail.control.MailSender;
import fr.moncompte.portal.notifications.mail.control.RetryPolicy;
import fr.moncompte.portal.notifications.mail.entity.OutgoingMail;
import fr.moncompte.portal.notifications.schema.boundary.NotificationsSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends the outbox, apart from the consumption of events: woken when a consuming transaction has queued mails, and
 * every few seconds for the retries that have come due. Each pass claims due mails, sends them over a few SMTP
 * connections at once (up to a batch each), and records each outcome: sent, or tried again later with back-off
 * ({@link RetryPolicy}), or dead after the last try. One pass at a time on this node; other nodes claim other mails.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDispatch {

    private static final Logger LOG = Logger.getLogger(MailDispatch.class.getName());

    @Inject
    Clock clock;


    @EJB
    MailOutbox outbox;

    @EJB
    NotificationsSchema schema;

    @EJB
    MailSender sender;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "portal.mail.retry.first-delay-seconds")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "portal.mail.retry.longest-delay-seconds")
    long longestDelaySeconds;

    @Inject
    @ConfigProperty(name = "portal.mail.retry.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "portal.mail.batch-size")
    int batchSize;

    /** How many SMTP connections a pass keeps busy at once, each sending up to a batch. */
    @Inject
    @ConfigProperty(name = "portal.mail.connections")
    int connections;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.timeout-ms")
    long timeoutMillis;

    private final String node = UUID.randomUUID().toString();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private RetryPolicy policy;
    /**
     * How long a claimed batch is this node's: longer than sending it can take, each mail waiting at most the SMTP
     * timeout twice (connect or read, then write), so that no other node claims it while it goes out. The groups of
     * a pass go out at once, each on a thread of the container's asynchronous pool, so a pass takes as long as one
     * batch. A node that dies holding a batch leaves it to the others after that.
     */
    private Duration lease;
    private Counter sent;
    private Counter retried;
    private Counter deadLettered;

    @Inject
    MetricRegistry metrics;

    @PostConstruct
    void configure() {
        policy = new RetryPolicy(Duration.ofSeconds(firstDelaySeconds), Duration.ofSeconds(longestDelaySeconds),
                maxAttempts);
        connections = Math.max(1, connections);
        lease = Duration.ofMillis(Math.max(Duration.ofMinutes(5).toMillis(), 2 * batchSize * timeoutMillis + 60_000));
        sent = metrics.counter(Metadata.builder().withName("portal.mails.sent")
                .withDescription("Mails that went out (this node, since it started)").build());
        retried = metrics.counter(Metadata.builder().withName("portal.mails.retried")
                .withDescription("Failed tries of mails that will be tried again").build());
        deadLettered = metrics.counter(Metadata.builder().withName("portal.mails.dead-lettered")
                .withDescription("Mails given up after their last try, waiting for an operator's replay").build());
    }

    /** Sends what is due now, in the background. */
    @Asynchronous
    public void wake() {
        sendDue();
    }

    /** Wakes the dispatch once the caller's transaction, which queued or replayed mails, has committed. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void wakeAfterCommit() {
        if (transactions.getResource(MailDispatch.class) != null) {
            return; // once per transaction
        }
        transactions.putResource(MailDispatch.class, Boolean.TRUE);
        MailDispatch self = context.getBusinessObject(MailDispatch.class);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    self.wake();
                }
            }
        });
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "mail retries")
    void tick() {
        sendDue();
    }

    /**
     * Sends until nothing is due. A call while a pass runs asks that pass to look again rather than starting a
     * second one, so a wake-up is never lost between a pass's last look and its end.
     */
    public void sendDue() {
        wanted.set(true);
        while (wanted.get() && sending.compareAndSet(false, true)) {
            try {
                while (wanted.getAndSet(false)) {
                    schema.ready();
                    sendBatches();
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Sending the outbox failed; the next pass tries again: " + e);
            } finally {
                sending.set(false);
            }
        }
    }

    private void sendBatches() {
        List<OutgoingMail> claimed;
        do {
            claimed = outbox.claim(node, batchSize * connections, lease, clock.instant());
            if (claimed.isEmpty()) {
                return;
            }
            Map<String, Long> ids = new LinkedHashMap<>();
            List<Map<String, Mail>> groups = new ArrayList<>();
            int groupSize = (claimed.size() + connections - 1) / connections;
            for (OutgoingMail mail : claimed) {
                if (ids.size() % groupSize == 0) {
                    groups.add(new LinkedHashMap<>());
                }
                groups.get(groups.size() - 1).put(mail.getReference(), new Mail(mail.getSenderName(),
                        mail.getRecipient(), Locale.forLanguageTag(mail.getLanguage()), mail.getSubject(),
                        mail.getTextBody(), mail.getHtmlBody()));
                ids.put(mail.getReference(), mail.getId());
            }
            Map<String, String> failures = sendInParallel(groups);
            Map<Long, String> failed = new LinkedHashMap<>();
            failures.forEach((reference, why) -> failed.put(ids.get(reference), why));
            int dead = outbox.record(node, List.copyOf(ids.values()), failed, policy, clock.instant());
            count(sent, claimed.size() - failures.size());
            count(retried, failures.size() - dead);
            count(deadLettered, dead);
            if (!failures.isEmpty()) {
                LOG.warning(() -> failures.size() + " of " + ids.size() + " mails not sent (" + dead
                        + " given up), e.g. " + failures.values().iterator().next());
            }
            if (failures.size() == claimed.size()) {
                return; // nothing went out: the server is down; the next pass tries again
            }
        } while (claimed.size() == batchSize * connections);
    }

    /**
     * Each group over its own connection, all at once; answers why each mail that did not go out failed. It waits for
     * every group's outcome, even when interrupted (the mails are out or not by then, and a mail recorded as failed
     * would be sent again), and keeps the interruption for the caller.
     */
    Map<String, String> sendInParallel(List<Map<String, Mail>> groups) {
        List<Future<Map<String, String>>> sending = new ArrayList<>();
        for (Map<String, Mail> group : groups) {
            try {
                sending.add(sender.sendAll(group));
            } catch (RuntimeException e) {
                // Not started (the application stopping, say): nothing of it went out, so it is tried again.
                String why = "Sending could not start: " + e;
                sending.add(CompletableFuture.completedFuture(group.keySet().stream()
                        .collect(Collectors.toMap(reference -> reference, reference -> why))));
            }
        }
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            try {
                failures.putAll(outcome(sending.get(i)));
            } catch (ExecutionException e) {
                String why = "Sending failed: " + e.getCause();
                groups.get(i).keySet().forEach(reference -> failures.put(reference, why));
            }
        }
        return failures;
    }

    /** The future's result, waiting for it even when interrupted; the interruption is kept for the caller. */
    private static <T> T outcome(Future<T> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void count(Counter counter, long howMany) {
        if (howMany > 0) {
            counter.inc(howMany);
        }
    }
}
