package fr.moncompte.portal.web.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the portal needs around it during the integration tests, started once per test JVM before any test: a
 * persistent Artemis broker on 127.0.0.1:61616 (where the resource adapter looks; its journal in
 * {@code target/it-broker}, emptied at each start, so that a restart keeps what it held) and a GreenMail SMTP server on
 * 127.0.0.1:3025 (where the failsafe configuration points the portal's mail). Active only where the failsafe
 * configuration sets {@code portal.it.infrastructure=true}, so unit tests start nothing.
 */
public class TestInfrastructure implements LauncherSessionListener {

    public static final int BROKER_PORT = 61616;
    public static final int SMTP_PORT = 3025;

    /** Artemis's audit log writes every send and acknowledgement at INFO: kept here, at WARNING, so logs stay readable. */
    private static final java.util.logging.Logger BROKER_AUDIT = java.util.logging.Logger.getLogger("org.apache.activemq.audit");

    private static GreenMail mail;
    private static EmbeddedActiveMQ broker;
    private static Configuration brokerConfiguration;

    /** The SMTP server the portal sends to; tests read what arrived. */
    public static synchronized GreenMail mail() {
        if (mail == null) {
            throw new IllegalStateException("The test infrastructure runs only under failsafe (mvn verify)");
        }
        return mail;
    }

    /** Stops the SMTP server, as a mail server that goes down: the portal's mails must wait, not be lost. */
    public static synchronized void stopMail() {
        mail().stop();
    }

    /** Starts a new SMTP server on the same port (its mailbox starts empty), as a mail server that comes back. */
    public static synchronized void startMail() {
        mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    /**
     * Stops the broker and starts it again on the same journal, as an operator's restart: persistent messages not yet
     * acknowledged are there again, and the portal's connections must find it by themselves.
     */
    public static synchronized void restartBroker() throws Exception {
        broker.stop();
        broker = new EmbeddedActiveMQ().setConfiguration(brokerConfiguration);
        broker.start();
    }

    /** Messages on the queue of that address, delivered to a consumer but not yet acknowledged included. */
    public static synchronized long messagesOn(String queue) {
        var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    /** Messages of that queue waiting for a redelivery the broker scheduled after a failed one. */
    public static synchronized long scheduledOn(String queue) {
        var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getScheduledCount();
    }

    /** Messages of that queue delivered to a consumer and not yet acknowledged. */
    public static synchronized long inFlightOn(String queue) {
        var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getDeliveringCount();
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("portal.it.infrastructure") || broker != null) {
            return;
        }
        BROKER_AUDIT.setLevel(java.util.logging.Level.WARNING);
        try {
            Path journal = Path.of("target", "it-broker");
            deleteRecursively(journal);
            Configuration config = new ConfigurationImpl()
                    .setName("portal-it")
                    .setPersistenceEnabled(true)
                    .setJournalDirectory(journal.resolve("journal").toString())
                    .setBindingsDirectory(journal.resolve("bindings").toString())
                    .setLargeMessagesDirectory(journal.resolve("large-messages").toString())
                    .setPagingDirectory(journal.resolve("paging").toString())
                    .setSecurityEnabled(false)
                    .addAcceptorConfiguration("portal", "tcp://127.0.0.1:" + BROKER_PORT);
            // The production policy with short delays: redelivery with back-off, then the dead-letter address.
            config.addAddressSetting("#", new AddressSettings()
                    .setRedeliveryDelay(500)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxDeliveryAttempts(5)
                    .setDeadLetterAddress(SimpleString.of("DLQ"))
                    .setAutoCreateDeadLetterResources(true));
            brokerConfiguration = config;
            broker = new EmbeddedActiveMQ().setConfiguration(config);
            broker.start();
            startMail();
            Jwts.createPreviousKey();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the broker or the SMTP server of the integration tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Browser.Pool.quitAll();
        try {
            if (mail != null) {
                mail.stop();
            }
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
