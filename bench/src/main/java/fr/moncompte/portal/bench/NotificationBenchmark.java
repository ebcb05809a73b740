package fr.moncompte.portal.bench;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notifications benchmark of BENCHMARKS.md: how fast a burst of committed events becomes mails at a local SMTP
 * server, beside the floor, a plain Jakarta Mail loop sending the very same mails over one connection to the same
 * server.
 *
 * <p>It starts a GreenMail SMTP server in this JVM ({@code bench.smtp.port}, default 3025), waits until the portal
 * (started with {@code -Dquickstart.smtp.port} set to that port, on the large data set) is ready, its event queue
 * empty and its outbox still, then, per round: commits {@code bench.events} (10,000) {@code ACCESS_GRANTED} events
 * in one JMS transaction onto the portal's event queue, exactly as the domain sends them (one per user of the large
 * data set, one user per company, so 10,000 different people in both languages), and waits until as many mails of
 * that round have arrived (told apart by their Message-ID, which starts with the event's id). The portal's time
 * runs from the commit to the last mail received: consuming (recipient, preferences, names, the inbox entry, the
 * outbox row), then sending. The floor then takes the mails that arrived and sends them again with
 * {@link Transport#sendMessage} in a loop over one connection.
 *
 * <p>Settings (system properties): {@code bench.url}, {@code bench.broker} (tcp://127.0.0.1:61616),
 * {@code bench.rounds} (5) after {@code bench.warmup} (1) rounds that are not counted (the first round also has
 * GreenMail make a mailbox for each address), {@code bench.companies} and {@code bench.users} (the large data set's
 * sizes, to find its users).
 */
public final class NotificationBenchmark {

    private static final Pattern GAUGE = Pattern.compile(
            "^(portal_mails_pending|portal_events_queued)\\{[^}]*\\} ([0-9.E]+)", Pattern.MULTILINE);
    private static final String QUEUE = "portal.domain-events";
    /** GreenMail says at INFO each time it makes a mailbox for a new address: 10,000 lines a round. */
    private static final Logger GREENMAIL = Logger.getLogger("com.icegreen.greenmail");
    private static final long FIRST_COMPANY = LargeDataSet.FIRST_ID + 1_000_000;
    private static final long FIRST_USER = LargeDataSet.FIRST_ID + 2_000_000;
    private static final String[] APPLICATION_CODES = {"COMPTA", "FACTU", "BANQUE", "NDF"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final GreenMail smtp;
    private final int smtpPort;

    private NotificationBenchmark(String base, int smtpPort) {
        this.base = base.replaceAll("/$", "");
        this.smtpPort = smtpPort;
        this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    public static void main(String[] args) throws Exception {
        GREENMAIL.setLevel(Level.WARNING);
        int events = Integer.getInteger("bench.events", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int warmup = Integer.getInteger("bench.warmup", 1);
        int companies = Integer.getInteger("bench.companies", 10_000);
        int users = Integer.getInteger("bench.users", 100_000);
        if (events > companies) {
            throw new IllegalArgumentException("bench.events is at most bench.companies (one person per company)");
        }
        String base = System.getProperty("bench.url", "http://localhost:8080");
        NotificationBenchmark bench = new NotificationBenchmark(base, Integer.getInteger("bench.smtp.port", 3025));
        bench.smtp.start();
        try {
            bench.run(System.getProperty("bench.broker", "tcp://127.0.0.1:61616"), events, warmup, rounds,
                    Math.max(1, users / companies));
        } finally {
            bench.smtp.stop();
        }
    }

    private void run(String brokerUrl, int events, int warmup, int rounds, int usersPerCompany) throws Exception {
        System.out.printf("SMTP server on 127.0.0.1:%d; waiting for the portal at %s, started with "
                + "-Dquickstart.smtp.port=%d, to be ready with an empty outbox ...%n", smtpPort, base, smtpPort);
        waitUntilQuiet(Duration.ofMinutes(30));
        List<Double> portalRates = new ArrayList<>();
        List<Double> floorRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        System.out.printf("%-7s %8s %12s %14s %12s %14s %7s%n", "round", "mails", "portal s", "portal mails/s",
                "floor s", "floor mails/s", "ratio");
        try (Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int round = 1 - warmup; round <= rounds; round++) {
                smtp.purgeEmailFromAllMailboxes();
                // The round's events share the high half of their ids, which starts each mail's Message-ID: mails
                // left over from before (a retry coming due) are not counted.
                long roundBits = UUID.randomUUID().getMostSignificantBits();
                String roundMessageIds = "<" + new UUID(roundBits, 0).toString().substring(0, 19);
                for (int i = 0; i < events; i++) {
                    long company = FIRST_COMPANY + i;
                    DomainEvent event = new DomainEvent(new UUID(roundBits, i), AccountEventType.ACCESS_GRANTED.name(),
                            Instant.now(),
                            null, Map.of(DomainEvent.ACCOUNT, Long.toString(FIRST_USER + (long) i * usersPerCompany),
                            DomainEvent.COMPANY, Long.toString(company),
                            DomainEvent.APPLICATION, APPLICATION_CODES[(int) (company % APPLICATION_CODES.length)]));
                    TextMessage message = session.createTextMessage(event.toJson());
                    message.setStringProperty("eventType", event.type());
                    message.setJMSCorrelationID(event.id().toString());
                    producer.send(message);
                }
                session.commit();
                long committed = System.nanoTime();
                List<MimeMessage> received = awaitMails(roundMessageIds, events, Duration.ofMinutes(30));
                double portalSeconds = (System.nanoTime() - committed) / 1e9;
                smtp.purgeEmailFromAllMailboxes();
                double floorSeconds = floor(received, roundMessageIds);
                double portalRate = events / portalSeconds;
                double floorRate = events / floorSeconds;
                if (round > 0) {
                    portalRates.add(portalRate);
                    floorRates.add(floorRate);
                    ratios.add(portalRate / floorRate);
                }
                System.out.printf("%-7s %,8d %12.1f %14.0f %12.1f %14.0f %7.2f%n",
                        round > 0 ? Integer.toString(round) : "warm-up", events, portalSeconds,
                        portalRate, floorSeconds, floorRate, portalRate / floorRate);
                waitUntilQuiet(Duration.ofMinutes(5));
            }
        }
        // Each round's ratio pairs a portal run with the floor run right after it, in the same conditions.
        System.out.printf("median: portal %.0f mails/s, floor %.0f mails/s; median ratio %.2f (target: 0.50 or more)%n",
                median(portalRates), median(floorRates), median(ratios));
    }

    /** Waits until {@code count} mails whose Message-ID starts so have arrived, and answers them. */
    private List<MimeMessage> awaitMails(String messageIdStart, int count, Duration patience) throws Exception {
        long giveUp = System.nanoTime() + patience.toNanos();
        List<MimeMessage> mails = List.of();
        while (System.nanoTime() < giveUp) {
            mails = withMessageIdStarting(messageIdStart);
            if (mails.size() >= count) {
                if (mails.size() > count) {
                    throw new IllegalStateException(mails.size() + " mails arrived for " + count + " events");
                }
                return mails;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Only " + mails.size() + " of " + count + " mails arrived in " + patience);
    }

    private List<MimeMessage> withMessageIdStarting(String start) throws MessagingException {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            String id = mail.getMessageID();
            if (id != null && id.startsWith(start)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** The same mails again, one connection, one {@code sendMessage} after the other: the floor. */
    private double floor(List<MimeMessage> mails, String messageIdStart) throws MessagingException, FolderException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        jakarta.mail.Session mailSession = jakarta.mail.Session.getInstance(properties);
        long started = System.nanoTime();
        try (Transport transport = mailSession.getTransport("smtp")) {
            transport.connect();
            for (MimeMessage mail : mails) {
                Address[] to = mail.getAllRecipients();
                transport.sendMessage(mail, to);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int arrived = withMessageIdStarting(messageIdStart).size();
        if (arrived != mails.size()) {
            throw new IllegalStateException("The floor's loop delivered " + arrived + " of " + mails.size());
        }
        smtp.purgeEmailFromAllMailboxes();
        return seconds;
    }

    /**
     * Until the portal answers ready, has no event waiting to be consumed and its outbox is still (nothing waiting, or
     * the same mails waiting for five seconds: a claim left by a portal stopped mid-send waits for its lease to end).
     */
    private void waitUntilQuiet(Duration patience) throws Exception {
        Instant giveUp = Instant.now().plus(patience);
        String last = "no answer";
        double pendingBefore = -1;
        int steady = 0;
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> ready = get("/health/ready");
                if (ready.statusCode() == 200) {
                    String metrics = get("/metrics?scope=application").body();
                    Matcher gauge = GAUGE.matcher(metrics);
                    Map<String, Double> gauges = new java.util.HashMap<>();
                    while (gauge.find()) {
                        gauges.put(gauge.group(1), Double.parseDouble(gauge.group(2)));
                    }
                    double pending = gauges.getOrDefault("portal_mails_pending", -1.0);
                    double queued = gauges.getOrDefault("portal_events_queued", -1.0);
                    steady = queued == 0 && pending == pendingBefore ? steady + 1 : 0;
                    pendingBefore = pending;
                    if (queued == 0 && (pending == 0 || steady >= 5)) {
                        return;
                    }
                    last = queued + " events and " + pending + " mails waiting";
                } else {
                    last = "readiness " + ready.statusCode();
                }
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The portal did not become quiet: " + last);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
