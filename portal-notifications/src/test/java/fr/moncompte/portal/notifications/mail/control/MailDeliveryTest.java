package fr.moncompte.portal.notifications.mail.control;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delivery through a real SMTP server (GreenMail), to .eml files, and what happens when the server is down. */
class MailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    final Mail mail = new Mail("Inexweb account", "luc@example.com", Locale.ENGLISH, "Your password was changed",
            "Hello Luc,\n\nIt changed.", "<p>Hello Luc,</p>");

    @Test
    void sends_a_multipart_message_through_smtp() throws Exception {
        MailDelivery delivery = delivery("smtp", smtp.getSmtp().getPort(), null);
        assertEquals(Map.of(), delivery.sendAll(Map.of("0a1b", mail)));
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("Your password was changed", received.getSubject());
        assertEquals("<0a1b@moncompte.portal>", received.getMessageID());
        assertEquals("Inexweb account <no-reply@moncompte.example>", received.getFrom()[0].toString());
        assertEquals("en", received.getHeader("Content-Language", null));
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    }

    @Test
    void sends_a_burst_over_one_connection_and_says_which_did_not_go() throws Exception {
        MailDelivery delivery = delivery("smtp", smtp.getSmtp().getPort(), null);
        Map<String, Mail> burst = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            burst.put("burst-" + i, new Mail("Inexweb account", "user" + i + "@example.com", Locale.ENGLISH,
                    "Mail " + i, "Hello", "<p>Hello</p>"));
        }
        burst.put("refused", new Mail("Inexweb account", "nobody@[not an address", Locale.ENGLISH, "Refused", "Hello",
                "<p>Hello</p>"));

        Map<String, String> failures = delivery.sendAll(burst);

        assertEquals(Set.of("refused"), failures.keySet(), failures.toString());
        assertEquals(5, smtp.getReceivedMessages().length);
    }

    @Test
    void a_mail_that_cannot_be_written_fails_alone_and_the_others_go() throws Exception {
        MailDelivery delivery = delivery("smtp", smtp.getSmtp().getPort(), null);
        Map<String, Mail> burst = new LinkedHashMap<>();
        burst.put("before", mail);
        burst.put("broken", new Mail("Inexweb account", "luc@example.com", Locale.ENGLISH, "No body", null, null));
        burst.put("after", mail);

        Map<String, String> failures = delivery.sendAll(burst);

        assertEquals(Set.of("broken"), failures.keySet(), failures.toString());
        assertEquals(2, smtp.getReceivedMessages().length, "the mails before and after it went out");
    }

    @Test
    void a_server_that_is_down_fails_every_mail_of_the_burst() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> failures = delivery("smtp", closedPort, null)
                .sendAll(Map.of("a", mail, "b", mail));
        assertEquals(Set.of("a", "b"), failures.keySet());
        assertTrue(failures.get("a").contains("ConnectException"), failures.get("a"));
    }

    @Test
    void writes_eml_files_for_the_quick_start(@TempDir Path outbox) throws Exception {
        assertEquals(Map.of(), delivery("file", 0, outbox).sendAll(Map.of("0a1b", mail)));
        try (var files = Files.list(outbox)) {
            Path written = files.filter(file -> file.toString().endsWith(".eml")).findFirst().orElseThrow();
            assertTrue(written.toString().endsWith("0a1b.eml"));
            assertTrue(Files.readString(written).contains("Subject: Your password was changed"));
            Path text = Path.of(written.toString().replace(".eml", ".txt"));
            assertTrue(Files.readString(text).startsWith("To: " + mail.to() + "\nSubject: Your password was changed\n\n"));
            assertTrue(Files.readString(text).endsWith(mail.text()), "the text part, decoded, links whole");
        }
    }

    @Test
    void names_the_stream_provider_so_that_each_part_written_skips_a_service_look_up() {
        delivery("smtp", smtp.getSmtp().getPort(), null);
        assertEquals(MailDelivery.ANGUS_STREAM_PROVIDER, System.getProperty(MailDelivery.STREAM_PROVIDER));
    }

    static MailDelivery delivery(String transport, int port, Path outbox) {
        MailDelivery delivery = new MailDelivery();
        delivery.transport = transport;
        delivery.outbox = outbox == null ? "unused" : outbox.toString();
        delivery.host = "127.0.0.1";
        delivery.port = port;
        delivery.startTls = false;
        delivery.user = Optional.empty();
        delivery.password = Optional.empty();
        delivery.timeoutMillis = 5_000;
        delivery.from = "no-reply@moncompte.example";
        delivery.clock = Clock.systemUTC();
        delivery.openSession();
        return delivery;
    }
}
