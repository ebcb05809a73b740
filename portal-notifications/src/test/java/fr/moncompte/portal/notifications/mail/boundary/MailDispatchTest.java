package fr.moncompte.portal.notifications.mail.boundary;

import fr.moncompte.portal.notifications.mail.control.Mail;
import fr.moncompte.portal.notifications.mail.control.MailSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a pass gathers the outcomes of the groups it sends at once, whatever becomes of each group. */
class MailDispatchTest {

    static final Mail MAIL = new Mail("Inexweb", "luc@example.com", Locale.ENGLISH, "Subject", "Text", "<p>Text</p>");

    @AfterEach
    void clearTheInterruption() {
        Thread.interrupted();
    }

    @Test
    void gathers_each_groups_failures_and_fails_whole_a_group_that_broke_or_never_started() {
        MailDispatch dispatch = new MailDispatch();
        dispatch.sender = new MailSender() {
            @Override
            public Future<Map<String, String>> sendAll(Map<String, Mail> mails) {
                if (mails.containsKey("never-1")) {
                    throw new IllegalStateException("the application is stopping");
                }
                if (mails.containsKey("broke-1")) {
                    return CompletableFuture.failedFuture(new IllegalStateException("boom"));
                }
                return CompletableFuture.completedFuture(
                        mails.containsKey("ok-2") ? Map.of("ok-2", "refused") : Map.of());
            }
        };

        Map<String, String> failures = dispatch.sendInParallel(List.of(
                Map.of("ok-1", MAIL, "ok-2", MAIL),
                Map.of("broke-1", MAIL, "broke-2", MAIL),
                Map.of("never-1", MAIL)));

        assertEquals("refused", failures.get("ok-2"));
        assertTrue(failures.get("broke-1").contains("boom") && failures.get("broke-2").contains("boom"),
                failures.toString());
        assertTrue(failures.get("never-1").contains("could not start"), failures.toString());
        assertEquals(4, failures.size(), "ok-1 went out: " + failures);
    }

    @Test
    void an_interrupted_pass_still_waits_for_what_went_out_and_keeps_the_interruption() {
        MailDispatch dispatch = new MailDispatch();
        CompletableFuture<Map<String, String>> slow = new CompletableFuture<>();
        dispatch.sender = new MailSender() {
            @Override
            public Future<Map<String, String>> sendAll(Map<String, Mail> mails) {
                new Thread(() -> {
                    try {
                        Thread.sleep(200); // the group is still on its way when the pass is interrupted
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    slow.complete(Map.of());
                }).start();
                return slow;
            }
        };

        Thread.currentThread().interrupt();
        Map<String, String> failures = dispatch.sendInParallel(List.of(Map.of("sent", MAIL)));

        assertEquals(Map.of(), failures, "the mail went out and is not recorded as failed");
        assertTrue(Thread.currentThread().isInterrupted(), "the caller still learns of the interruption");
    }
}
