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
 * Readiness (MicroProfile Health, {@code /health/ready}): whether the SMTP server accepts a connection, said in the
 * check's data ({@code reachable}). The check itself stays UP: mails wait in the outbox while the server is away, so
 * a mail server down is no reason to take the portal out of a load balancer; alert on {@code reachable=false} and
 * on the {@code portal_mails_pending} gauge instead. With the {@code file} transport (the quick start) there is no
 * server to ask.
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
            return HealthCheckResponse.named("smtp").up().withData("server", host + ":" + port)
                    .withData("reachable", "true").build();
        } catch (IOException e) {
            return HealthCheckResponse.named("smtp").up().withData("server", host + ":" + port)
                    .withData("reachable", "false").withData("error", e.toString()).build();
        }
    }
}
