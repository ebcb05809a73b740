package fr.moncompte.portal.domain.signon.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs people out of the applications (OIDC Back-Channel Logout 1.0) when the rule says their sign-in must end:
 * every five seconds on each node, the sign-ins due are ended and their applications sent a logout token, tried up
 * to five times. One rule covers every path that ends them (sign-out, "Sécurité", a password change or reset, an
 * account disabled or erased, an access revoked, an account closed), whichever page, API call or job did it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class BackChannelLogouts {

    private static final Logger LOG = Logger.getLogger(BackChannelLogouts.class.getName());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicBoolean running = new AtomicBoolean();

    @EJB
    LogoutSweep sweep;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run() {
        if (!running.compareAndSet(false, true)) {
            return; // the last run still sends
        }
        try {
            sweep.endDue();
            for (LogoutSweep.Delivery delivery : sweep.claim()) {
                if (send(delivery)) {
                    sweep.delivered(delivery.loginId());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Back-channel logouts: this run failed, the next one tries again", e);
        } finally {
            running.set(false);
        }
    }

    private boolean send(LogoutSweep.Delivery delivery) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.uri()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                            + URLEncoder.encode(delivery.logoutToken(), StandardCharsets.US_ASCII)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            LOG.info(() -> "Back-channel logout to " + delivery.uri() + " answered " + response.statusCode());
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.info(() -> "Back-channel logout to " + delivery.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
