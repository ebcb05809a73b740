package fr.moncompte.portal.web.it;

import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §6 end to end, with the real broker and a real SMTP server (GreenMail): real actions cause the events (a month
 * billed, a payment, access granted and removed), each reaches exactly the right people, in their language, on the
 * channels they keep on; a switch turned off sends nothing; a mail server that goes down delays mails and loses none;
 * a mail given up after its last try is sent again from the back-office; the bell and the list in a browser.
 */
@Order(900)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String OPS = "ops@moncompte.example";
    static final String MARC = "comptable@cabinet-durand.example";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String PAUL = "paul.lefevre@boulangerie-martin.example";
    static final String LUC = "luc.petit@garage-petit.example";
    static final String OMAR = "omar.haddad@garage-petit.example";
    static final String VICTOR = "victor.lambert@martin-traiteur.example";
    static final long CLAIRE_ID = 3, VICTOR_ID = 14;
    static final long BOULANGERIE = 30, TRAITEUR = 31, GARAGE = 32;
    /** A month no other test class bills (they share one database on PostgreSQL). */
    static final YearMonth MONTH = YearMonth.from(LocalDate.now()).minusMonths(17);

    @ArquillianResource
    URL portal;

    @Test
    @Order(1)
    void a_billed_month_tells_the_administrators_of_each_billed_account_in_their_language() throws Exception {
        FormClient ops = signedIn(OPS);
        assertEquals("ok", ops.probe("/it/billing", "call=run&month=" + MONTH));
        awaitRun(ops);
        String boulangerie = number(ops, BOULANGERIE);
        String traiteur = number(ops, TRAITEUR);
        String garage = number(ops, GARAGE);

        // The company's own account for a DIRECT company, the firm for a FIRM one; every administrator, once.
        MimeMessage toClaire = single(awaitMail(CLAIRE, boulangerie, 1));
        assertTrue(toClaire.getSubject().startsWith("Facture " + boulangerie + " : "), toClaire.getSubject());
        assertTrue(Mailbox.text(toClaire).contains("Boulangerie Martin SARL")
                && Mailbox.text(toClaire).contains("/invoices/invoice.xhtml?id="), Mailbox.text(toClaire));
        MimeMessage toMarc = single(awaitMail(MARC, traiteur, 1));
        assertTrue(toMarc.getSubject().startsWith("Facture " + traiteur), toMarc.getSubject());
        MimeMessage toLuc = single(awaitMail(LUC, garage, 1));
        assertTrue(toLuc.getSubject().startsWith("Invoice " + garage + ": €"), "Luc reads English: " + toLuc.getSubject());
        assertEquals("en", toLuc.getHeader("Content-Language", null));
        MimeMessage toOmar = single(awaitMail(OMAR, garage, 1));
        assertTrue(toOmar.getSubject().startsWith("Facture " + garage), "Omar reads French: " + toOmar.getSubject());

        // Nobody else: not Claire for the firm-billed company, not Paul (a user), not Marc for another account.
        assertEquals(List.of(), Mailbox.matching(about(traiteur).and(Mailbox.to(CLAIRE))));
        assertEquals(List.of(), Mailbox.matching(about(boulangerie).and(Mailbox.to(PAUL))));
        assertEquals(List.of(), Mailbox.matching(about(garage).and(Mailbox.to(MARC))));
        // And the same in the inbox.
        assertEquals("1", ops.get("/it/notifications?inbox=" + CLAIRE_ID + "&about=" + boulangerie).body());
        assertEquals("0", ops.get("/it/notifications?inbox=" + CLAIRE_ID + "&about=" + traiteur).body());

        // A payment: in-app by default, no mail.
        long invoice = Long.parseLong(ops.get("/it/billing?find=" + BOULANGERIE + "&month=" + MONTH).body());
        String total = ops.get("/it/billing?invoice=" + invoice).body().split("\\|")[4];
        assertTrue(ops.probe("/it/billing", "call=pay&a=" + invoice + "&amount=" + total + "&key=notif-it")
                .startsWith("ok"));
        awaitProbe(ops, "/it/notifications?told=" + CLAIRE_ID + "&type=PAYMENT_RECEIVED&about=" + boulangerie, "1");
        assertEquals("2", ops.get("/it/notifications?inbox=" + CLAIRE_ID + "&about=" + boulangerie).body(),
                "issued, then paid");
        assertEquals(List.of(), Mailbox.settled(about(boulangerie).and(Mailbox.to(CLAIRE))
                .and(m -> Mailbox.subjectOf(m).startsWith("Paiement"))), "no mail for a payment by default");
        // The same event delivered once more (a second run of the month issues nothing, sends nothing).
        assertEquals(1, Mailbox.matching(about(boulangerie).and(Mailbox.to(CLAIRE))).size());
    }

    @Test
    @Order(2)
    void a_switched_off_channel_sends_nothing_and_the_others_still_arrive() throws Exception {
        FormClient ops = signedIn(OPS);
        FormClient marc = signedIn(MARC);
        // Victor turned off the mails for new access; removed access still mails him (in English).
        assertEquals("ok", ops.probe("/it/notifications", "prefer=" + VICTOR_ID
                + "&type=ACCESS_GRANTED&channel=EMAIL&enabled=false"));
        try {
            String told = "/it/notifications?told=" + VICTOR_ID + "&type=ACCESS_GRANTED&about=Documents";
            String inbox = "/it/notifications?inbox=" + VICTOR_ID + "&about=Documents";
            long toldBefore = Long.parseLong(ops.get(told).body());
            long inboxBefore = Long.parseLong(ops.get(inbox).body());
            Predicate<MimeMessage> granted = Mailbox.to(VICTOR).and(Mailbox.withSubject("New access: Documents"));
            Predicate<MimeMessage> removed = Mailbox.to(VICTOR).and(Mailbox.withSubject("Access removed: Documents"));
            int grantedBefore = Mailbox.matching(granted).size();
            int removedBefore = Mailbox.matching(removed).size();
            assertEquals("ok", marc.probe("/it/boundary", "call=grant&a=" + VICTOR_ID + "&b=" + TRAITEUR + "&code=GED"));
            awaitProbe(ops, told, String.valueOf(toldBefore + 1));
            assertEquals(String.valueOf(inboxBefore + 1), ops.get(inbox).body(),
                    "still in the inbox: only the mail was switched off");
            assertEquals("ok", marc.probe("/it/boundary", "call=revoke&a=" + VICTOR_ID + "&b=" + TRAITEUR + "&code=GED"));
            List<MimeMessage> removals = Mailbox.await(removed, removedBefore + 1, 60_000);
            assertEquals(removedBefore + 1, removals.size());
            MimeMessage removal = removals.get(removals.size() - 1);
            assertTrue(Mailbox.text(removal).contains("Martin Traiteur SAS"), Mailbox.text(removal));
            assertEquals(grantedBefore, Mailbox.matching(granted).size(), "the switched-off mail never went");
        } finally {
            ops.probe("/it/notifications", "prefer=" + VICTOR_ID + "&type=ACCESS_GRANTED&channel=EMAIL&enabled=default");
        }
    }

    @Test
    @Order(3)
    void a_mail_server_that_is_down_delays_the_mails_and_loses_none() throws Exception {
        FormClient ops = signedIn(OPS);
        FormClient marc = signedIn(MARC);
        String outbox = "/it/notifications?outbox=" + VICTOR + "&about=New%20access&since=" + System.currentTimeMillis();
        TestInfrastructure.stopMail();
        try {
            assertEquals("ok", marc.probe("/it/boundary", "call=grant&a=" + VICTOR_ID + "&b=" + TRAITEUR + "&code=GED"));
            awaitProbe(ops, outbox, "PENDING:[1-3]"); // tried, failed, waiting for its next try
        } finally {
            TestInfrastructure.startMail();
        }
        single(Mailbox.await(Mailbox.to(VICTOR).and(Mailbox.withSubject("New access: Documents")), 1, 60_000));
        awaitProbe(ops, outbox, "SENT:[2-4]");
        assertEquals(1, Mailbox.settled(Mailbox.to(VICTOR).and(Mailbox.withSubject("New access: Documents"))).size(),
                "once");
    }

    @Test
    @Order(4)
    void a_mail_given_up_after_its_last_try_is_sent_again_from_the_back_office() throws Exception {
        FormClient ops = signedIn(OPS);
        FormClient marc = signedIn(MARC);
        String outbox = "/it/notifications?outbox=" + VICTOR + "&about=Access%20removed&since="
                + System.currentTimeMillis();
        TestInfrastructure.stopMail();
        try {
            assertEquals("ok", marc.probe("/it/boundary", "call=revoke&a=" + VICTOR_ID + "&b=" + TRAITEUR + "&code=GED"));
            // Four tries, a second then two apart (the tests' setting): given up.
            awaitProbe(ops, outbox, "DEAD:4");
        } finally {
            TestInfrastructure.startMail();
        }
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(OPS, PASSWORD).open("/operations/mails.xhtml");
            assertEquals("Mails", browser.text(By.cssSelector(".space-menu a[aria-current='page']")));
            String list = browser.text(By.id("mails:deadList"));
            assertTrue(list.contains(VICTOR) && list.contains("Access removed: Documents") && list.contains("4"), list);
            browser.driver.findElement(By.cssSelector("[id$=':replay']")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "renvoyé dans un instant"), "the replay's message");
            browser.screenshot("mails-replayed");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
        single(Mailbox.await(Mailbox.to(VICTOR).and(Mailbox.withSubject("Access removed: Documents")), 1, 60_000));
    }

    @Test
    @Order(5)
    void the_bell_counts_unread_notifications_and_the_list_marks_them_read() throws Exception {
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/account/informations.xhtml");
            String label = claire.driver.findElement(By.id("bell")).getAttribute("aria-label");
            assertTrue(label.matches("Notifications : \\d+ non lues"), "the demo's and this class's invoices: " + label);
            int unread = Integer.parseInt(claire.text(By.id("bellCount")));

            claire.driver.findElement(By.id("bell")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Notifications"), "the list");
            assertEquals("page", claire.driver.findElement(By.id("menuNotifications")).getAttribute("aria-current"));
            String first = claire.text(By.cssSelector("#entries li"));
            assertTrue(first.contains("Non lue"), "unread, in words: " + first);
            claire.driver.findElement(By.cssSelector("#entries li [id$=':markRead']")).click();
            claire.waitFor(ExpectedConditions.textToBe(By.id("bellCount"), String.valueOf(unread - 1)), "one fewer");
            assertTrue(claire.text(By.cssSelector("#entries li")).contains("Lue"));
            assertTrue(claire.text(By.id("messages")).contains("Notification marquée comme lue."));

            claire.driver.findElement(By.id("inbox:markAll")).click();
            claire.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("bellCount")), "none unread");
            assertEquals("Notifications : aucune non lue", claire.driver.findElement(By.id("bell")).getAttribute("aria-label"));
            claire.screenshot("inbox-claire");

            // An entry leads to its page: the newest is this class's payment, on its invoice.
            claire.driver.findElement(By.cssSelector("#entries li a[id$=':open']")).click();
            claire.waitFor(ExpectedConditions.urlContains("/invoices/invoice.xhtml?id="), "the invoice page");
            assertTrue(claire.cspViolations().isEmpty(), claire.cspViolations().toString());
        }
    }

    @Test
    @Order(6)
    void a_daily_digest_gathers_what_a_person_chose_to_hear_once_a_day() throws Exception {
        FormClient ops = signedIn(OPS);
        FormClient marc = signedIn(MARC);
        String shown = "/it/notifications?inbox=" + VICTOR_ID + "&about=Documents";
        String told = "/it/notifications?told=" + VICTOR_ID + "&type=ACCESS_GRANTED&about=Documents";
        assertEquals("ok", ops.probe("/it/notifications", "prefer=" + VICTOR_ID
                + "&type=ACCESS_GRANTED&channel=EMAIL&enabled=digest"));
        assertEquals("ok", ops.probe("/it/notifications", "prefer=" + VICTOR_ID
                + "&type=ACCESS_GRANTED&channel=IN_APP&enabled=digest"));
        try {
            long toldBefore = Long.parseLong(ops.get(told).body());
            String shownBefore = ops.get(shown).body();
            Predicate<MimeMessage> digest = Mailbox.to(VICTOR).and(m -> Mailbox.subjectOf(m).startsWith("Your Inexweb digest"));
            int digestsBefore = Mailbox.matching(digest).size();
            assertEquals("ok", marc.probe("/it/boundary", "call=grant&a=" + VICTOR_ID + "&b=" + TRAITEUR + "&code=GED"));
            awaitProbe(ops, told, String.valueOf(toldBefore + 1));
            assertEquals(shownBefore, ops.get(shown).body(), "held in the portal until the digest's time");
            assertEquals(List.of(), Mailbox.settled(Mailbox.to(VICTOR).and(Mailbox.withSubject("New access: Documents"))),
                    "no mail as it happens");

            // The hourly job a day later: one mail with the line; run again, nothing more.
            long tomorrow = System.currentTimeMillis() + 24 * 3_600_000L;
            assertEquals("1", ops.probe("/it/notifications", "digestAt=" + tomorrow));
            MimeMessage mail = Mailbox.await(digest, digestsBefore + 1, 60_000).get(digestsBefore);
            assertEquals("Your Inexweb digest: one notification", mail.getSubject());
            assertTrue(Mailbox.text(mail).contains("- New access: Documents"), Mailbox.text(mail));
            assertEquals("0", ops.probe("/it/notifications", "digestAt=" + tomorrow), "told once");
        } finally {
            ops.probe("/it/notifications", "prefer=" + VICTOR_ID + "&type=ACCESS_GRANTED&channel=EMAIL&enabled=default");
            ops.probe("/it/notifications", "prefer=" + VICTOR_ID + "&type=ACCESS_GRANTED&channel=IN_APP&enabled=default");
            marc.probe("/it/boundary", "call=revoke&a=" + VICTOR_ID + "&b=" + TRAITEUR + "&code=GED");
        }
    }

    @Test
    @Order(7)
    void health_and_metrics_tell_operations_about_the_broker_smtp_and_the_outbox() throws Exception {
        // Payara Micro serves them at the server's root, beside the portal's context.
        URI root = Browser.loopback(portal).toURI().resolve("/");
        HttpResponse<String> health = get(root.resolve("/health/ready"));
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", status(health.body(), "broker"), health.body());
        assertEquals("UP", status(health.body(), "smtp"), health.body());
        assertTrue(health.body().replace(" ", "").contains("\"reachable\":\"true\""), health.body());

        TestInfrastructure.stopMail();
        try {
            // Mails wait in the outbox: the portal stays ready, and the check says the server is away.
            HttpResponse<String> away = get(root.resolve("/health/ready"));
            assertEquals(200, away.statusCode(), away.body());
            assertTrue(away.body().replace(" ", "").contains("\"reachable\":\"false\""), away.body());
        } finally {
            TestInfrastructure.startMail();
        }

        String metrics = get(root.resolve("/metrics?scope=application")).body();
        for (String name : List.of("portal_mails_sent_total", "portal_mails_retried_total",
                "portal_mails_dead_lettered_total", "portal_mails_pending", "portal_mails_dead", "portal_events_queued")) {
            assertTrue(metrics.contains(name), name + " in:\n" + metrics);
        }
        Matcher sent = Pattern.compile("portal_mails_sent_total\\{[^}]*\\} ([0-9.]+)")
                .matcher(metrics);
        assertTrue(sent.find() && Double.parseDouble(sent.group(1)) > 0, "this class sent mails: " + metrics);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A check's status in MicroProfile Health's JSON: the first "status" after its name. */
    private static String status(String health, String check) {
        Matcher status = Pattern.compile("\"status\"\\s*:\\s*\"(UP|DOWN)\"")
                .matcher(health);
        int at = health.indexOf("\"" + check + "\"");
        return at >= 0 && status.find(at) ? status.group(1) : "absent";
    }

    private String number(FormClient ops, long company) throws Exception {
        long id = Long.parseLong(ops.get("/it/billing?find=" + company + "&month=" + MONTH).body());
        return ops.get("/it/billing?invoice=" + id).body().split("\\|")[0];
    }

    /** The mails to {@code to} about {@code number}, once {@code count} came and nothing is left in flight. */
    private static List<MimeMessage> awaitMail(String to, String number, int count) {
        Mailbox.await(about(number).and(Mailbox.to(to)), count, 60_000);
        return Mailbox.settled(about(number).and(Mailbox.to(to)));
    }

    private static Predicate<MimeMessage> about(String number) {
        return message -> Mailbox.subjectOf(message).contains(number);
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertEquals(1, messages.size(), "one message expected, got " + messages.size());
        return messages.get(0);
    }

    private void awaitRun(FormClient ops) throws Exception {
        awaitProbe(ops, "/it/billing?run=" + MONTH, "FINISHED\\|3\\|3\\|3");
    }

    /** Polls a probe until its answer matches {@code expected} (a regular expression): the work is in the background. */
    @Test
    @Order(8)
    void a_link_s_mail_given_up_keeps_no_link_at_rest_and_its_replay_carries_a_fresh_one() throws Exception {
        Fixtures.Person rita = Fixtures.user(Fixtures.GARAGE, "Rita", "Perdue", "FR", "garage-petit.example");
        FormClient ops = signedIn(OPS);
        String outbox = "/it/notifications?outbox=" + rita.email() + "&about=nouveau%20mot%20de%20passe&since="
                + System.currentTimeMillis() + "&bodies";
        TestInfrastructure.stopMail();
        try {
            FormClient forgot = new FormClient(portal, "fr");
            forgot.get("/password/forgot.xhtml");
            forgot.submit("/password/forgot.xhtml", "forgot", java.util.Map.of("email", rita.email(), "send", ""));
            // Four tries, then given up: the body with the link's secret is forgotten at once.
            awaitProbe(ops, outbox, "DEAD:4:forgotten");
        } finally {
            TestInfrastructure.startMail();
        }
        ops.get("/operations/mails.xhtml");
        String replayed = ops.submit("/operations/mails.xhtml", "mails", java.util.Map.of("deadList:0:replay", ""))
                .body();
        assertTrue(replayed.contains("renvoyé dans un instant"), replayed);
        MimeMessage mail = single(Mailbox.await(Mailbox.to(rita.email())
                .and(Mailbox.withSubject("Choisissez un nouveau mot de passe")), 1, 60_000));
        awaitProbe(ops, outbox, "SENT:1:forgotten");
        String page = new FormClient(portal, "fr").get(Mailbox.link(mail)).body();
        assertTrue(page.contains("choose:password"), "the fresh link works: " + page);
    }

    private static void awaitProbe(FormClient client, String path, String expected) throws Exception {
        String answer = "";
        for (int i = 0; i < 240; i++) {
            answer = client.get(path).body().strip();
            if (answer.matches(expected)) {
                return;
            }
            Thread.sleep(250); // background work (broker, outbox): poll as an operator's page would
        }
        throw new AssertionError(path + " answered " + answer + ", expected " + expected);
    }

    private FormClient signedIn(String email) throws Exception {
        FormClient client = new FormClient(portal, "fr");
        assertTrue(client.signIn(email, PASSWORD), email + " signs in");
        return client;
    }
}
