package fr.moncompte.portal.dev;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A persistent Artemis broker on 127.0.0.1 with the portal's delivery policy: a message whose consumer fails is
 * redelivered with exponential back-off (5 s, 10 s, … up to 5 min), ten times, then moved to the dead-letter address
 * {@code DLQ}, where an operator sees it and can move it back.
 */
public final class LocalBroker {

    public static final String DEAD_LETTERS = "DLQ";

    /** Artemis logs every connection and session at INFO on its audit logger; the quick start's console keeps quiet. */
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    public LocalBroker(Path dataDir, int port) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("portal-local")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .addAcceptorConfiguration("portal", "tcp://127.0.0.1:" + port);
        config.addAddressSetting("#", new AddressSettings()
                .setRedeliveryDelay(5_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(300_000)
                .setMaxDeliveryAttempts(10)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                .setAutoCreateDeadLetterResources(true)
                .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                .setAutoCreateExpiryResources(true)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        broker.setConfiguration(config);
    }

    public LocalBroker start() throws Exception {
        AUDIT.setLevel(Level.WARNING);
        broker.start();
        return this;
    }

    public void stop() throws Exception {
        broker.stop();
    }
}
