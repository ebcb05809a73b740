package fr.moncompte.portal.notifications.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Readiness (MicroProfile Health, {@code /health/ready}): the SMTP server accepts a connection. Mails wait in the
 * outbox while it does not. With the {@code file} transport (the quick start) there is no server to ask.
 */
@Readiness
@ApplicationScoped
public class SmtpHealth implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 2_000;

    @Inject
    @ConfigProperty(name = "portal.mail.transport")
    String transport;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.host")
    String host;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.port")
    int port;

    @Override
    public HealthCheckResponse call() {
        if ("file".equals(transport)) {
            return HealthCheckResponse.named("smtp").up().withData("transport", "file").build();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return HealthCheckResponse.named("smtp").up().withData("server", host + ":" + port).build();
        } catch (IOException e) {
            return HealthCheckResponse.named("smtp").down().withData("server", host + ":" + port)
                    .withData("error", e.toString()).build();
        }
    }
}
