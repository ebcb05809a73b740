package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for facts, not for time: returns once the portal has nothing in flight, that is no domain event on the broker
 * (queued, or delivered and not yet acknowledged: the notifications module acknowledges after its transaction wrote
 * the notifications and queued the mails) and no mail waiting in the outbox (it stays pending until the SMTP server
 * accepted it and the outcome was recorded). After that, a mail that has not reached GreenMail will not come.
 */
final class Quiescence {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long TIMEOUT_MILLIS = 120_000;

    private Quiescence() {
    }

    /** Waits until the shared portal is quiet twice in a row; fails after two minutes. */
    static void await() {
        URI probe = URI.create(SharedPortal.url() + "it/quiet");
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        int quietInARow = 0;
        String last = "";
        while (quietInARow < 2) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The portal did not become quiet within two minutes: " + last);
            }
            long events = TestInfrastructure.messagesOn(ApplicationEvents.QUEUE_ADDRESS);
            long mails = pendingMails(probe);
            last = events + " events on the broker, " + mails + " mails in the outbox";
            quietInARow = events == 0 && mails == 0 ? quietInARow + 1 : 0;
            pause();
        }
    }

    private static long pendingMails(URI probe) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(probe).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET " + probe + " answered " + answer.statusCode());
            }
            return Long.parseLong(answer.body().strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // between two looks at the broker and the outbox
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
