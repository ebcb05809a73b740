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

/**
 * What the portal needs around it during the integration tests, started once per test JVM before any test: an
 * Artemis broker on 127.0.0.1:61616 (where the resource adapter looks) and a GreenMail SMTP server on
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

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("portal.it.infrastructure") || broker != null) {
            return;
        }
        BROKER_AUDIT.setLevel(java.util.logging.Level.WARNING);
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("portal-it")
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .addAcceptorConfiguration("portal", "tcp://127.0.0.1:" + BROKER_PORT);
            // The production policy with short delays: redelivery with back-off, then the dead-letter address.
            config.addAddressSetting("#", new AddressSettings()
                    .setRedeliveryDelay(500)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxDeliveryAttempts(5)
                    .setDeadLetterAddress(SimpleString.of("DLQ"))
                    .setAutoCreateDeadLetterResources(true));
            broker = new EmbeddedActiveMQ().setConfiguration(config);
            broker.start();
            startMail();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the broker or the SMTP server of the integration tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
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
}
