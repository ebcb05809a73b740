package fr.moncompte.portal.web.it;

import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-time links and session limits as a client without scripts meets them, on the real deployment, database,
 * broker and SMTP server: "Mot de passe oublié ?" answers alike for every address, a reset link works once and
 * within its hour, a used, expired or altered link says so and never changes anything, resets are rate-limited,
 * sessions end after 30 idle minutes or 12 hours, a password change spends a pending e-mail change, and wrong
 * current passwords in "Mon compte" lock the account like failed sign-ins. Julie is made for this class; Emma's
 * sessions are aged here, her password and address stay as they are (other classes sign in with them).
 */
@Order(40)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountLinksIT extends DeployedPortal {

    /** Julie, a user of Garage Petit made for this class: her password is reset, changed, and her account locked. */
    static String julie;
    static final String EMMA = "emma.roux@garage-petit.example";
    static final String PASSWORD = "Portail-Demo-2026";
    static final String NEW_PASSWORD = "Quatre chevaux au galop";
    static final String NEUTRAL = "Si un compte actif utilise cette adresse";
    static final Predicate<MimeMessage> RESET_TO_JULIE =
            m -> Mailbox.to(julie).test(m) && Mailbox.subjectOf(m).equals("Choisissez un nouveau mot de passe");

    @BeforeAll
    static void makeJulie() {
        julie = Fixtures.user(Fixtures.GARAGE, "Julie", "Garnier", "FR", "garage-petit.example").email();
    }

    @ArquillianResource
    URL portal;

    @Test
    @Order(1)
    void forgot_password_answers_alike_for_a_known_and_an_unknown_address_and_mails_only_the_owner() throws Exception {
        String unknown = "personne." + System.nanoTime() + "@garage-petit.example";
        String[] answers = new String[2];
        String[] addresses = {unknown, julie};
        for (int i = 0; i < 2; i++) {
            FormClient client = new FormClient(portal, "fr");
            client.get("/password/forgot.xhtml");
            HttpResponse<String> answer = client.submit("/password/forgot.xhtml", "forgot",
                    Map.of("email", addresses[i], "send", ""));
            assertEquals(200, answer.statusCode());
            answers[i] = messageOf(answer.body());
        }
        assertTrue(answers[0].startsWith(NEUTRAL), answers[0]);
        assertEquals(answers[0], answers[1], "the same words whether the address is known or not");

        assertEquals(1, Mailbox.await(RESET_TO_JULIE, 1, 60_000).size());
        assertTrue(Mailbox.matching(Mailbox.to(unknown)).isEmpty());
    }

    @Test
    @Order(2)
    void a_reset_link_sets_a_password_once_and_ends_the_sessions_open_before() throws Exception {
        FormClient before = new FormClient(portal, "fr");
        assertTrue(before.signIn(julie, PASSWORD));
        String link = Mailbox.link(Mailbox.await(RESET_TO_JULIE, 1, 60_000).get(0));
        assertTrue(link.contains("/password/reset.xhtml?token=") && link.endsWith("&lang=fr"), link);

        FormClient client = new FormClient(portal, "fr");
        assertTrue(client.get(link).body().contains("Compte : " + julie));
        HttpResponse<String> weak = client.submit(link, "choose", Map.of("password", "motdepasse", "confirm", "motdepasse", "save", ""));
        assertEquals(200, weak.statusCode());
        assertTrue(weak.body().contains("au moins 12 caractères"), "the rule, with its number, beside the field");

        client.get(link);
        HttpResponse<String> done = client.submit(link, "choose", Map.of("password", NEW_PASSWORD, "confirm", NEW_PASSWORD, "save", ""));
        assertEquals(302, done.statusCode());
        assertTrue(FormClient.location(done).endsWith("/login.xhtml?reset=true&lang=fr"), FormClient.location(done));

        HttpResponse<String> again = new FormClient(portal, "fr").get(link);
        assertTrue(again.body().contains("Ce lien a déjà été utilisé."), again.body());
        assertTrue(again.body().contains("Recevoir un nouveau lien"));

        assertFalse(new FormClient(portal, "fr").signIn(julie, PASSWORD), "the old password no longer works");
        assertTrue(new FormClient(portal, "fr").signIn(julie, NEW_PASSWORD));
        HttpResponse<String> ended = before.get("/account/informations.xhtml");
        assertEquals(302, ended.statusCode());
        assertTrue(FormClient.location(ended).endsWith("/login.xhtml?ended=true"), FormClient.location(ended));

        Predicate<MimeMessage> changed = m -> Mailbox.to(julie).test(m) && Mailbox.subjectOf(m).equals("Votre mot de passe a été modifié");
        assertEquals(1, Mailbox.await(changed, 1, 60_000).size());
    }

    @Test
    @Order(3)
    void an_altered_or_made_up_token_is_unknown_and_changes_nothing() throws Exception {
        String link = Mailbox.link(Mailbox.await(RESET_TO_JULIE, 1, 60_000).get(0));
        String token = link.substring(link.indexOf("token=") + 6, link.indexOf('&'));
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String probe : List.of(altered, "x", "' or 1=1 --", token.substring(0, 36), "")) {
            HttpResponse<String> page = new FormClient(portal, "en").get("/password/reset.xhtml?token="
                    + java.net.URLEncoder.encode(probe, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, page.statusCode(), probe);
            assertTrue(page.body().contains("This link is not valid."), probe + ": " + page.body());
            assertFalse(page.body().contains("Exception"), probe);
        }
    }

    @Test
    @Order(4)
    void an_expired_link_says_so_and_offers_a_new_one_which_works() throws Exception {
        requestReset(julie);
        List<MimeMessage> resets = Mailbox.await(RESET_TO_JULIE, 2, 60_000);
        assertEquals(2, resets.size());
        String link = Mailbox.link(resets.get(1));
        FormClient client = new FormClient(portal, "fr");
        assertEquals("61", client.probe("/it/clock", "what=ahead&minutes=61"), "a reset link lasts an hour");
        try {
            HttpResponse<String> expired = client.get(link);
            assertTrue(expired.body().contains("Ce lien a expiré."), expired.body());
            assertFalse(expired.body().contains("choose:password"), "no form on an expired link");
            HttpResponse<String> asked = client.submit(link, "renew", Map.of("send", ""));
            assertTrue(asked.body().contains("un nouveau lien vient d"), asked.body());
        } finally {
            // The new link's mail is queued at the moved time: sent before time goes back, not an hour later.
            Quiescence.await();
            client.probe("/it/clock", "what=back");
        }

        List<MimeMessage> all = Mailbox.await(RESET_TO_JULIE, 3, 60_000);
        assertEquals(3, all.size());
        String fresh = Mailbox.link(all.get(2));
        assertNotEquals(link, fresh);
        FormClient next = new FormClient(portal, "fr");
        assertTrue(next.get(fresh).body().contains("Compte : " + julie));
        assertEquals(302, next.submit(fresh, "choose", Map.of("password", PASSWORD + "!", "confirm", PASSWORD + "!", "save", "")).statusCode());
        assertTrue(new FormClient(portal, "fr").signIn(julie, PASSWORD + "!"));
    }

    @Test
    @Order(5)
    void a_fourth_reset_within_the_hour_sends_nothing_but_answers_the_same() throws Exception {
        String answer = requestReset(julie);
        assertTrue(answer.startsWith(NEUTRAL), answer);
        assertEquals(3, Mailbox.await(RESET_TO_JULIE, 4, 5_000).size(), "three resets an hour at most");
    }

    @Test
    @Order(6)
    void a_session_ends_after_thirty_idle_minutes_and_after_twelve_hours_whatever_its_activity() throws Exception {
        FormClient idle = new FormClient(portal, "fr");
        assertTrue(idle.signIn(EMMA, PASSWORD));
        assertEquals(200, idle.get("/account/informations.xhtml").statusCode());
        FormClient long_ = new FormClient(portal, "fr");
        assertTrue(long_.signIn(EMMA, PASSWORD));
        // The clock is moved by a client of its own: a request with either session would count as its activity.
        FormClient clock = new FormClient(portal, "fr");
        try {
            clock.probe("/it/clock", "what=ahead&minutes=29");
            assertEquals(200, idle.get("/account/informations.xhtml").statusCode(), "29 idle minutes: still on");
            assertEquals(200, long_.get("/account/security.xhtml").statusCode());
            clock.probe("/it/clock", "what=ahead&minutes=25");
            assertEquals(200, long_.get("/account/security.xhtml").statusCode());
            clock.probe("/it/clock", "what=ahead&minutes=6");
            HttpResponse<String> afterIdle = idle.get("/account/informations.xhtml");
            assertTrue(FormClient.location(afterIdle).endsWith("/login.xhtml?idle=true"),
                    FormClient.location(afterIdle));
            String idleNotice = idle.get("/login.xhtml?idle=true").body();
            assertTrue(idleNotice.contains("après 30 minutes sans activité"), idleNotice);

            // The other session is used every 25 minutes at most: never idle, yet over once 12 hours have passed
            // since its sign-in.
            for (int minutes = 60; minutes < 12 * 60; minutes += 25) {
                assertEquals(200, long_.get("/account/security.xhtml").statusCode(), minutes + " minutes on");
                clock.probe("/it/clock", "what=ahead&minutes=25");
            }
            HttpResponse<String> afterLimit = long_.get("/account/security.xhtml");
            assertTrue(FormClient.location(afterLimit).endsWith("/login.xhtml?expired=true"),
                    FormClient.location(afterLimit));
            HttpResponse<String> signedOut = long_.get("/account/security.xhtml");
            assertTrue(FormClient.location(signedOut).contains("/login.xhtml?continue="),
                    "signed out: back to sign-in");
        } finally {
            clock.probe("/it/clock", "what=back");
        }
    }

    @Test
    @Order(7)
    void a_password_change_spends_a_pending_e_mail_change_and_wrong_current_passwords_lock_the_account() throws Exception {
        String password = PASSWORD + "!";
        String elsewhere = "julie." + System.nanoTime() + "@mail.example";
        FormClient hers = new FormClient(portal, "fr");
        assertTrue(hers.signIn(julie, password));
        hers.get("/account/informations.xhtml");
        HttpResponse<String> asked = hers.submit("/account/informations.xhtml", "email",
                Map.of("newEmail", elsewhere, "password", password, "save", ""));
        assertTrue(asked.body().contains("Un lien de confirmation a été envoyé à " + elsewhere), asked.body());
        String link = Mailbox.link(Mailbox.await(Mailbox.to(elsewhere), 1, 60_000).get(0));

        hers.get("/account/informations.xhtml");
        HttpResponse<String> changed = hers.submit("/account/informations.xhtml", "password",
                Map.of("current", password, "new", NEW_PASSWORD + " encore", "confirm", NEW_PASSWORD + " encore", "save", ""));
        assertTrue(changed.body().contains("Votre mot de passe a été modifié."), changed.body());
        assertTrue(new FormClient(portal, "fr").get(link).body().contains("Ce lien a déjà été utilisé."),
                "a link asked for with the old password dies with it");

        for (int i = 1; i <= 5; i++) {
            hers.get("/account/informations.xhtml");
            HttpResponse<String> wrong = hers.submit("/account/informations.xhtml", "email",
                    Map.of("newEmail", elsewhere, "password", "guess " + i, "save", ""));
            assertTrue(wrong.body().contains("Le mot de passe actuel est incorrect."), wrong.body());
        }
        hers.get("/account/informations.xhtml");
        HttpResponse<String> locked = hers.submit("/account/informations.xhtml", "email",
                Map.of("newEmail", elsewhere, "password", NEW_PASSWORD + " encore", "save", ""));
        assertTrue(locked.body().contains("Trop de mots de passe erronés"), "not even the right one is checked now");
        assertFalse(new FormClient(portal, "fr").signIn(julie, NEW_PASSWORD + " encore"), "sign-in locked as well");
        assertEquals(1, Mailbox.await(m -> Mailbox.to(julie).test(m)
                && Mailbox.subjectOf(m).equals("Votre compte est verrouillé pour 15 minutes"), 1, 60_000).size());
    }

    @Test
    @Order(8)
    void bad_input_on_every_form_gets_a_translated_message_never_a_500() throws Exception {
        String huge = "a".repeat(5000);
        FormClient anonymous = new FormClient(portal, "en");
        anonymous.get("/password/forgot.xhtml");
        HttpResponse<String> forgot = anonymous.submit("/password/forgot.xhtml", "forgot",
                Map.of("email", huge + "@example.com", "send", ""));
        assertEquals(200, forgot.statusCode());
        assertTrue(forgot.body().contains("This e-mail address is not valid."), forgot.body());

        FormClient emma = new FormClient(portal, "fr");
        assertTrue(emma.signIn(EMMA, PASSWORD));
        emma.get("/account/informations.xhtml");
        HttpResponse<String> email = emma.submit("/account/informations.xhtml", "email",
                Map.of("newEmail", "<script>alert(1)</script>@example.com", "password", PASSWORD, "save", ""));
        assertEquals(200, email.statusCode());
        assertTrue(email.body().contains("est pas valide. Exemple : prenom.nom@entreprise.fr"), email.body());
        assertFalse(email.body().contains("<script>alert(1)"), "what was typed comes back escaped");

        emma.get("/account/informations.xhtml");
        HttpResponse<String> password = emma.submit("/account/informations.xhtml", "password",
                Map.of("current", PASSWORD, "new", huge, "confirm", huge, "save", ""));
        assertEquals(200, password.statusCode());
        assertTrue(password.body().contains("ne doit pas dépasser"), password.body());

        emma.get("/account/informations.xhtml");
        HttpResponse<String> empty = emma.submit("/account/informations.xhtml", "email",
                Map.of("newEmail", "", "password", "", "save", ""));
        assertTrue(empty.body().contains("Saisissez une adresse e-mail."), empty.body());
        assertTrue(empty.body().contains("Saisissez votre mot de passe actuel."), empty.body());

        for (HttpResponse<String> answer : List.of(forgot, email, password, empty)) {
            assertFalse(answer.body().contains("Exception") || answer.body().contains("at fr.moncompte"));
        }
        assertTrue(new FormClient(portal, "fr").signIn(EMMA, PASSWORD), "nothing was changed, nothing locked");
    }

    @Test
    @Order(9)
    void a_form_posted_without_the_pages_script_nonce_does_nothing_and_says_the_page_expired() throws Exception {
        FormClient replay = new FormClient(portal, "fr");
        replay.get("/password/forgot.xhtml");
        HttpResponse<String> answer = replay.submit("/password/forgot.xhtml", "forgot",
                Map.of("email", EMMA, "send", ""), false);
        assertEquals(302, answer.statusCode());
        assertTrue(FormClient.location(answer).endsWith("/error/expired.xhtml"), FormClient.location(answer));
        assertTrue(replay.get("/error/expired.xhtml").body().contains("Page expirée"));
        assertTrue(Mailbox.settled(Mailbox.to(EMMA)).stream()
                .noneMatch(m -> Mailbox.subjectOf(m).equals("Choisissez un nouveau mot de passe")), "no link was sent");
    }

    private String requestReset(String email) throws Exception {
        FormClient client = new FormClient(portal, "fr");
        client.get("/password/forgot.xhtml");
        return messageOf(client.submit("/password/forgot.xhtml", "forgot", Map.of("email", email, "send", "")).body());
    }

    /** The text of the page's global message. */
    static String messageOf(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("ui-messages-info-summary\">([^<]+)<").matcher(page);
        return matcher.find() ? matcher.group(1).replace("&#39;", "'") : "(no message) " + page;
    }
}
