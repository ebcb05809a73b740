package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20, first part: an authenticator app added in Mon compte › Sécurité (the secret read from the page as a
 * person types it, the codes computed as an app does), then asked for after the password on the sign-in page and by
 * the token endpoint; a code works once, a recovery code once, wrong codes lock the account, and removing the app
 * needs the password.
 */
@Order(128)
@RunAsClient
class SecondFactorIT extends DeployedPortal {

    static final String PASSWORD = People.PASSWORD;
    private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z2-9]{4}(?:-[a-z2-9]{4}){3})</code></li>");
    private static final TotpCodes CODES = new TotpCodes();

    @ArquillianResource
    URL portal;

    /** A person of the bakery with an authenticator app: its secret and the ten recovery codes shown once. */
    record Enrolled(Fixtures.Person person, byte[] secret, List<String> recoveryCodes) {
    }

    @Test
    void an_app_is_added_then_asked_for_after_the_password_and_each_code_works_once() throws Exception {
        Enrolled sonia = enrol("Sonia");
        MimeMessage added = Mailbox.await(message -> Mailbox.to(sonia.person().email()).test(message)
                && Mailbox.subjectOf(message).equals("Une validation en deux étapes a été ajoutée à votre compte"),
                1, 60_000).get(0);
        assertFalse(Mailbox.text(added).contains("security.xhtml"), "a security notice carries no link to follow");

        // The password alone no longer signs in: the code page comes, and a wrong code keeps it.
        FormClient browser = new FormClient(portal, "fr");
        assertEquals("/login-code.xhtml", afterPassword(browser, sonia.person().email()));
        assertTrue(browser.get("/account/informations.xhtml").statusCode() == 302, "not signed in yet");
        browser.get("/login-code.xhtml");
        HttpResponse<String> wrong = browser.submit("/login-code.xhtml", "code", Map.of("value", "000000",
                "submit", ""));
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("Ce code n&#39;est pas valable") || wrong.body()
                .contains("Ce code n'est pas valable"), wrong.body());

        // The code of the step after the one that confirmed the app (that one is spent).
        String next = CODES.codeAt(sonia.secret(), TotpCodes.stepAt(Instant.now()) + 1);
        HttpResponse<String> in = browser.submit("/login-code.xhtml", "code", Map.of("value", next, "submit", ""));
        assertEquals(302, in.statusCode(), in.body());
        assertTrue(FormClient.location(in).endsWith("/account/informations.xhtml"), FormClient.location(in));
        assertEquals(200, browser.get("/account/security.xhtml").statusCode());
        assertTrue(browser.lastBody().contains("Téléphone de Sonia"), "the app listed with its last use");

        // The same code again, in another browser: refused, it served once.
        FormClient replay = new FormClient(portal, "fr");
        assertEquals("/login-code.xhtml", afterPassword(replay, sonia.person().email()));
        replay.get("/login-code.xhtml");
        HttpResponse<String> replayed = replay.submit("/login-code.xhtml", "code", Map.of("value", next,
                "submit", ""));
        assertEquals(200, replayed.statusCode(), "a replayed code");
        assertTrue(replayed.body().contains("Ce code n&#39;est pas valable") || replayed.body()
                .contains("Ce code n'est pas valable"), replayed.body());
        // A recovery code, typed in capitals without its dashes, signs in once.
        String recovery = sonia.recoveryCodes().get(0);
        HttpResponse<String> recovered = replay.submit("/login-code.xhtml", "code",
                Map.of("value", recovery.replace("-", "").toUpperCase(), "submit", ""));
        assertEquals(302, recovered.statusCode(), recovered.body());
        Mailbox.await(message -> Mailbox.to(sonia.person().email()).test(message)
                && Mailbox.subjectOf(message).equals("Un code de récupération a servi à vous connecter"), 1, 60_000);
        FormClient again = new FormClient(portal, "fr");
        assertEquals("/login-code.xhtml", afterPassword(again, sonia.person().email()));
        again.get("/login-code.xhtml");
        HttpResponse<String> reused = again.submit("/login-code.xhtml", "code", Map.of("value", recovery,
                "submit", ""));
        assertEquals(200, reused.statusCode(), "a recovery code serves once");
        assertTrue(reused.body().contains("Ce code n&#39;est pas valable") || reused.body()
                .contains("Ce code n'est pas valable"), reused.body());
        assertEquals(302, again.get("/account/informations.xhtml").statusCode(), "not signed in");

        // The token endpoint: the code comes with the password, or no token. (A success first: the failures above
        // count toward the lockout, five of them lock the account.)
        Api api = new Api(portal);
        HttpResponse<String> withRecovery = tokenWithCode(api, sonia.person().email(), PASSWORD,
                sonia.recoveryCodes().get(1));
        assertEquals(200, withRecovery.statusCode(), withRecovery.body());
        String token = Jwts.json(withRecovery.body()).getString("access_token");
        assertEquals(200, api.get(token, "/api/v1/me").statusCode());
        HttpResponse<String> without = api.tokenRequest(sonia.person().email(), PASSWORD);
        assertEquals(401, without.statusCode());
        assertEquals("signin.codeRequired", Api.json(without).getString("code"));
        HttpResponse<String> withWrong = tokenWithCode(api, sonia.person().email(), PASSWORD, "123456");
        assertEquals(401, withWrong.statusCode());
        assertEquals("signin.failed", Api.json(withWrong).getString("code"));
        HttpResponse<String> wrongPassword = tokenWithCode(api, sonia.person().email(), "Pas-le-bon-2026",
                sonia.recoveryCodes().get(2));
        assertEquals(401, wrongPassword.statusCode(), "a code never stands in for the password");
        assertEquals("signin.failed", Api.json(wrongPassword).getString("code"));

        // Without a pending sign-in, the code page leads back to the sign-in page.
        HttpResponse<String> stray = new FormClient(portal, "fr").get("/login-code.xhtml");
        assertEquals(302, stray.statusCode());
        assertTrue(FormClient.location(stray).contains("/login.xhtml"), FormClient.location(stray));
    }

    @Test
    void a_right_password_after_four_typos_still_gets_its_code_checked() throws Exception {
        Enrolled marie = enrol("Marie"); // a wrong current password there: the first failure
        Api api = new Api(portal);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.tokenRequest(marie.person().email(), "Pas-le-bon-" + i).statusCode());
        }
        HttpResponse<String> in = tokenWithCode(api, marie.person().email(), PASSWORD,
                CODES.codeAt(marie.secret(), TotpCodes.stepAt(Instant.now()) + 1));
        assertEquals(200, in.statusCode(), "four failures, then the right password and code: " + in.body());
        // The success is dated when the code was accepted: the count starts again from it.
        for (int i = 0; i < 4; i++) {
            assertEquals(401, api.tokenRequest(marie.person().email(), "Pas-le-bon-" + i).statusCode());
        }
        assertEquals(200, tokenWithCode(api, marie.person().email(), PASSWORD, marie.recoveryCodes().get(0))
                .statusCode());
    }

    @Test
    void wrong_codes_count_toward_the_lockout() throws Exception {
        Enrolled yann = enrol("Yann");
        Api api = new Api(portal);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, tokenWithCode(api, yann.person().email(), PASSWORD, "99999" + i).statusCode());
        }
        // Three right passwords, each with a wrong code: six failures, the account is locked.
        String right = CODES.codeAt(yann.secret(), TotpCodes.stepAt(Instant.now()) + 1);
        HttpResponse<String> locked = tokenWithCode(api, yann.person().email(), PASSWORD, right);
        assertEquals(401, locked.statusCode(), locked.body());
        Mailbox.await(message -> Mailbox.to(yann.person().email()).test(message)
                && Mailbox.subjectOf(message).startsWith("Votre compte est verrouillé"), 1, 60_000);
    }

    @Test
    void removing_the_app_asks_for_the_password_and_then_the_password_alone_signs_in() throws Exception {
        Enrolled ines = enrol("Ines");
        FormClient browser = new FormClient(portal, "fr");
        assertEquals("/login-code.xhtml", afterPassword(browser, ines.person().email()));
        browser.get("/login-code.xhtml");
        assertEquals(302, browser.submit("/login-code.xhtml", "code", Map.of("value", ines.recoveryCodes().get(0),
                "submit", "")).statusCode());
        String page = browser.get("/account/security.xhtml").body();
        Matcher id = Pattern.compile("factor.{0,16}?([0-9a-f]{8}(?:\\\\?-[0-9a-f]{4}){3}\\\\?-[0-9a-f]{12})")
                .matcher(page);
        assertTrue(id.find(), "the remove button carries the factor's id: " + page);
        browser.submit("/account/security.xhtml", "factors", Map.of("list:0:remove", ""),
                Map.of("factor", id.group(1).replace("\\", "")), true);
        HttpResponse<String> refused = browser.submit("/account/security.xhtml", "remove",
                Map.of("password", "Pas-le-bon-2026", "confirmRemove", ""));
        assertTrue(refused.body().contains("remove:passwordMsg"), refused.body());
        assertTrue(refused.body().contains("Téléphone de Ines"), "still there");
        HttpResponse<String> removed = browser.submit("/account/security.xhtml", "remove",
                Map.of("password", PASSWORD, "confirmRemove", ""));
        assertTrue(removed.body().contains("L&#39;application a été retirée") || removed.body()
                .contains("L'application a été retirée"), removed.body());
        Mailbox.await(message -> Mailbox.to(ines.person().email()).test(message)
                && Mailbox.subjectOf(message).equals("Une validation en deux étapes a été retirée de votre compte"),
                1, 60_000);
        assertTrue(new FormClient(portal, "fr").signIn(ines.person().email(), PASSWORD), "the password alone");
        JsonObject me = Api.json(new Api(portal).get(new Api(portal).token(ines.person().email(), PASSWORD),
                "/api/v1/me"));
        assertEquals(ines.person().email(), me.getString("email"));
    }

    @Test
    void an_operator_resets_the_second_factor_of_a_person_who_lost_every_factor() throws Exception {
        Enrolled lea = enrol("Lea");
        Api api = new Api(portal);
        String path = "/users/user.xhtml?id=" + lea.person().id();
        String claire = api.token(IsolationMatrixIT.CLAIRE, PASSWORD);
        assertEquals(403, api.send(claire, "DELETE", "/api/v1/users/" + lea.person().id() + "/second-factor", null)
                .statusCode(), "her administrator may not: operators only");
        FormClient claireBrowser = new FormClient(portal, "fr");
        assertTrue(claireBrowser.signIn(IsolationMatrixIT.CLAIRE, PASSWORD));
        assertFalse(claireBrowser.get(path).body().contains("secondFactorCount"), "nor sees it");

        FormClient ops = new FormClient(portal, "fr");
        assertTrue(ops.signIn(IsolationMatrixIT.OPS, PASSWORD));
        String page = ops.get(path).body();
        assertTrue(page.contains("(applications et clés d&#39;accès) : 1.")
                || page.contains("(applications et clés d'accès) : 1."), page);
        assertTrue(ops.submit(path, "secondFactor", Map.of("reset", "")).body().contains("secondFactor:confirmReset"));
        HttpResponse<String> done = ops.submit(path, "secondFactor", Map.of("confirmReset", ""));
        assertTrue(done.body().contains("a été réinitialisée"), done.body());
        Mailbox.await(message -> Mailbox.to(lea.person().email()).test(message)
                && Mailbox.subjectOf(message).equals("Votre validation en deux étapes a été réinitialisée"), 1, 60_000);
        assertTrue(new FormClient(portal, "fr").signIn(lea.person().email(), PASSWORD), "the password alone again");
        assertEquals(200, api.tokenRequest(lea.person().email(), PASSWORD).statusCode(), "no code asked any more");

        String opsToken = api.token(IsolationMatrixIT.OPS, PASSWORD);
        HttpResponse<String> again = api.send(opsToken, "DELETE", "/api/v1/users/" + lea.person().id()
                + "/second-factor", null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, Api.json(again).getInt("removed"));
        assertEquals(404, api.send(opsToken, "DELETE", "/api/v1/users/999999/second-factor", null).statusCode());
        long opsId = Api.json(api.get(opsToken, "/api/v1/me")).getJsonNumber("id").longValue();
        HttpResponse<String> operator = api.send(opsToken, "DELETE", "/api/v1/users/" + opsId + "/second-factor",
                null);
        assertEquals(422, operator.statusCode(), operator.body());
        assertEquals("secondFactor.resetOperator", Api.json(operator).getString("code"));
        JsonObject audit = Api.json(api.get(opsToken, "/api/v1/audit-events?action=SECOND_FACTOR_RESET"));
        assertTrue(audit.toString().contains("\"targetId\":\"" + lea.person().id() + "\""), audit.toString());
    }

    @Test
    void an_operator_without_a_factor_reaches_the_enrolment_and_nothing_else() throws Exception {
        Fixtures.Person olga = Fixtures.operator(IsolationMatrixIT.BOULANGERIE, "Olga", "Operatrice", "FR",
                "second.it.example");
        FormClient browser = new FormClient(portal, "fr");
        assertEquals("/account/security.xhtml", afterPassword(browser, olga.email()));
        String page = browser.get("/account/security.xhtml").body();
        assertTrue(page.contains("Votre compte exige la validation en deux étapes"), page);
        for (String path : List.of("/operations/billing.xhtml", "/operations/audit.xhtml", "/users/index.xhtml",
                "/account/informations.xhtml", "/invoices/invoice.xhtml?id=1", "/metrics")) {
            HttpResponse<String> elsewhere = browser.get(path);
            assertEquals(302, elsewhere.statusCode(), path);
            assertTrue(FormClient.location(elsewhere).endsWith("/account/security.xhtml"), path + " → "
                    + FormClient.location(elsewhere));
        }
        // The API gives no token to an operator without a second factor: it is added on the pages.
        Api api = new Api(portal);
        HttpResponse<String> token = api.tokenRequest(olga.email(), PASSWORD);
        assertEquals(403, token.statusCode(), token.body());
        assertEquals("signin.enrolmentRequired", Api.json(token).getString("code"));

        byte[] secret = addApp(browser, "Téléphone d'Olga");
        String added = browser.lastBody();
        assertTrue(added.contains("Continuer vers le portail"), added);
        assertEquals(200, browser.get("/operations/billing.xhtml").statusCode(), "the back-office, now");

        // Her last factor stays: operators must have one.
        String removed = removeFactor(browser, "Téléphone d'Olga", PASSWORD);
        assertTrue(removed.contains("ajoutez une autre méthode avant de retirer celle-ci"), removed);
        assertTrue(removed.contains("Téléphone d&#39;Olga") || removed.contains("Téléphone d'Olga"), "still there");

        // From then on, the code after the password, then everything.
        FormClient later = new FormClient(portal, "fr");
        assertEquals("/login-code.xhtml", afterPassword(later, olga.email()));
        later.get("/login-code.xhtml");
        HttpResponse<String> in = later.submit("/login-code.xhtml", "code", Map.of("value",
                CODES.codeAt(secret, TotpCodes.stepAt(Instant.now()) + 1), "submit", ""));
        assertEquals(302, in.statusCode(), in.body());
        assertEquals(200, later.get("/operations/audit.xhtml").statusCode());
    }

    @Test
    void the_demo_operator_signs_in_with_a_code_of_the_documented_secret() throws Exception {
        FormClient ops = new FormClient(portal, "en");
        assertEquals("/login-code.xhtml", afterPassword(ops, IsolationMatrixIT.OPS));
        ops.get("/login-code.xhtml");
        HttpResponse<String> in = ops.submit("/login-code.xhtml", "code", Map.of("value",
                OperatorCodes.demo(Browser.loopback(portal).toString()), "submit", ""));
        assertEquals(302, in.statusCode(), in.body());
        assertEquals(200, ops.get("/operations/billing.xhtml").statusCode());
        HttpResponse<String> without = tokenWithCode(new Api(portal), IsolationMatrixIT.OPS, PASSWORD, "");
        assertEquals(401, without.statusCode(), "no token on the password alone: " + without.body());
    }

    @Test
    void a_factor_is_removed_with_a_code_of_another_one_instead_of_the_password() throws Exception {
        Enrolled rita = enrol("Rita");
        FormClient browser = new FormClient(portal, "fr");
        assertEquals("/login-code.xhtml", afterPassword(browser, rita.person().email()));
        browser.get("/login-code.xhtml");
        assertEquals(302, browser.submit("/login-code.xhtml", "code", Map.of("value", rita.recoveryCodes().get(0),
                "submit", "")).statusCode());
        byte[] tablet = addApp(browser, "Tablette de Rita");
        long step = TotpCodes.stepAt(Instant.now());
        // A code of the app being removed is no proof, nor a code of nothing.
        String own = removeFactor(browser, "Téléphone de Rita", CODES.codeAt(rita.secret(), step + 1));
        assertTrue(own.contains("Ce code n&#39;est celui d&#39;aucune autre") || own.contains(
                "Ce code n'est celui d'aucune autre"), own);
        String none = removeFactor(browser, "Téléphone de Rita",
                "000000".equals(CODES.codeAt(tablet, step + 1)) ? "111111" : "000000");
        assertTrue(none.contains("aucune autre de vos méthodes"), none);
        // The tablet's code of the step after the one that confirmed it.
        String done = removeFactor(browser, "Téléphone de Rita", CODES.codeAt(tablet, step + 1));
        assertTrue(done.contains("L&#39;application a été retirée") || done.contains("L'application a été retirée"),
                done);
        assertFalse(done.contains("Téléphone de Rita"), "the first app is gone");
        assertTrue(done.contains("Tablette de Rita"), "the other one stays");
    }

    @Test
    void an_administrator_requires_a_second_factor_of_every_person_of_the_account() throws Exception {
        Fixtures.Person gaelle = Fixtures.administrator(IsolationMatrixIT.GARAGE, "Gaëlle", "Exigeante", "FR",
                "second.it.example");
        Fixtures.Person mathis = Fixtures.user(IsolationMatrixIT.GARAGE, "Mathis", "Membre", "FR",
                "second.it.example");
        String company = "/companies/company.xhtml?id=" + IsolationMatrixIT.GARAGE;
        FormClient admin = new FormClient(portal, "fr");
        assertTrue(admin.signIn(gaelle.email(), PASSWORD));
        assertTrue(admin.get(company).body().contains("Facultative pour les personnes du compte client"));
        String first = admin.submit(company, "requirement", Map.of("require", "")).body();
        assertTrue(first.contains("Ajoutez d&#39;abord") || first.contains("Ajoutez d'abord"), first);

        addApp(admin, "Téléphone de Gaëlle");
        try {
            admin.get(company);
            String required = admin.submit(company, "requirement", Map.of("require", "")).body();
            assertTrue(required.contains("est désormais exigée"), required);
            assertTrue(required.contains("Exigée pour chaque personne du compte client"), required);

            FormClient next = new FormClient(portal, "fr");
            assertEquals("/account/security.xhtml", afterPassword(next, mathis.email()), "taken to enrolment");
            assertEquals(302, next.get("/account/informations.xhtml").statusCode());
            assertEquals(403, new Api(portal).tokenRequest(mathis.email(), PASSWORD).statusCode());
            // Another customer account is not concerned.
            assertTrue(new FormClient(portal, "fr").signIn(IsolationMatrixIT.CLAIRE, PASSWORD));

            Api api = new Api(portal);
            JsonObject audit = Api.json(api.get(api.token(IsolationMatrixIT.OPS, PASSWORD),
                    "/api/v1/audit-events?action=SECOND_FACTOR_REQUIREMENT_CHANGED"));
            assertTrue(audit.toString().contains("required=true") && audit.toString().contains(gaelle.email()),
                    audit.toString());
        } finally {
            admin.get(company);
            String stopped = admin.submit(company, "requirement", Map.of("stop", "")).body();
            assertTrue(stopped.contains("n&#39;est plus exigée") || stopped.contains("n'est plus exigée"), stopped);
        }
        assertTrue(new FormClient(portal, "fr").signIn(mathis.email(), PASSWORD), "the password alone again");
    }

    @Test
    void answers_that_are_no_passkey_are_refused_in_words_and_add_nothing() throws Exception {
        // The sign-in page: an answer to no challenge, a cancelled ceremony, a forged answer to a real challenge.
        FormClient anonymous = new FormClient(portal, "fr");
        anonymous.get("/login.xhtml");
        HttpResponse<String> unasked = anonymous.submit("/login.xhtml", "passkey", Map.of("answer", "{}",
                "finish", ""));
        assertEquals(200, unasked.statusCode());
        assertTrue(said(unasked.body(), "Cette clé d'accès n'a pas permis de vous connecter"), unasked.body());
        anonymous.get("/login.xhtml");
        String started = anonymous.submit("/login.xhtml", "passkey", Map.of("start", "")).body();
        assertTrue(started.contains("data-mode=\"get\"") && started.contains("challenge"), started);
        String cancelled = anonymous.submit("/login.xhtml", "passkey", Map.of("answer", "error:NotAllowedError",
                "finish", "")).body();
        assertTrue(said(cancelled, "La clé d'accès n'a pas été utilisée"), cancelled);
        anonymous.submit("/login.xhtml", "passkey", Map.of("start", ""));
        String onAnAddress = anonymous.submit("/login.xhtml", "passkey", Map.of("answer", "error:SecurityError",
                "finish", "")).body();
        assertTrue(said(onAnAddress, "ne fonctionnent qu'à une adresse sûre"), "127.0.0.1 said in words: "
                + onAnAddress);
        anonymous.submit("/login.xhtml", "passkey", Map.of("start", ""));
        HttpResponse<String> forged = anonymous.submit("/login.xhtml", "passkey", Map.of("answer",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{},"
                        + "\"clientExtensionResults\":{}}", "finish", ""));
        assertEquals(200, forged.statusCode(), "no error page");
        assertTrue(said(forged.body(), "Cette clé d'accès n'a pas permis de vous connecter"), forged.body());
        // The challenge served once: the same answer again finds none.
        assertEquals(302, anonymous.get("/account/informations.xhtml").statusCode(), "nobody signed in");

        // The second step of a person with an app and no passkey.
        Enrolled yann = enrol("Yann");
        FormClient browser = new FormClient(portal, "fr");
        assertEquals("/login-code.xhtml", afterPassword(browser, yann.person().email()));
        browser.get("/login-code.xhtml");
        String none = browser.submit("/login-code.xhtml", "passkeyStep", Map.of("start", "")).body();
        assertTrue(said(none, "Aucune clé d'accès n'est enregistrée pour ce compte"), none);
        assertEquals(302, browser.submit("/login-code.xhtml", "code", Map.of("value", yann.recoveryCodes().get(0),
                "submit", "")).statusCode());

        // Sécurité: a name and the password before anything is asked of the device; a forged answer adds nothing.
        String security = "/account/security.xhtml";
        browser.get(security);
        String unnamed = browser.submit(security, "passkey", Map.of("name", " ", "password", PASSWORD, "start", ""))
                .body();
        assertTrue(unnamed.contains("passkey:nameMsg") && !unnamed.contains("data-mode=\"create\""), unnamed);
        String noPassword = browser.submit(security, "passkey", Map.of("name", "Clé forgée", "password", "",
                "start", "")).body();
        assertTrue(said(noPassword, "Saisissez votre mot de passe actuel"), noPassword);
        String creating = browser.submit(security, "passkey", Map.of("name", "Clé forgée", "password", PASSWORD,
                "start", "")).body();
        assertTrue(creating.contains("data-mode=\"create\""), creating);
        String refused = browser.submit(security, "passkey", Map.of("name", "Clé forgée", "password", "",
                "answer", "{\"id\":\"AAAA\",\"type\":\"public-key\"}", "finish", "")).body();
        assertTrue(said(refused, "Cette clé d'accès n'a pas pu être vérifiée"), refused);
        assertFalse(browser.get(security).body().contains("Clé forgée"), "nothing added");
    }

    /** Whether the page says {@code sentence}, its apostrophes written either way. */
    private static boolean said(String page, String sentence) {
        return page.contains(sentence) || page.contains(sentence.replace("'", "&#39;"));
    }

    /** Adds an authenticator app on the security page of a signed-in browser; its secret. */
    private static byte[] addApp(FormClient browser, String name) throws Exception {
        browser.get("/account/security.xhtml");
        String started = browser.submit("/account/security.xhtml", "enrol", Map.of("start", "")).body();
        Matcher typed = SECRET.matcher(started);
        assertTrue(typed.find(), started);
        byte[] secret = TotpCodes.fromBase32(typed.group(1));
        String confirmed = browser.submit("/account/security.xhtml", "enrol", Map.of("name", name, "code",
                CODES.codeAt(secret, TotpCodes.stepAt(Instant.now())), "password", PASSWORD, "confirm", "")).body();
        assertTrue(confirmed.contains("secondFactorOutcome") && confirmed.contains("ajoutée"), confirmed);
        return secret;
    }

    /** Asks to remove the factor named {@code name}, proving it with {@code proof}; the page answered. */
    private static String removeFactor(FormClient browser, String name, String proof) throws Exception {
        String page = browser.get("/account/security.xhtml").body();
        String[] rows = page.split("<tr");
        int row = -1;
        for (int i = 0; i < rows.length && row < 0; i++) {
            if (rows[i].contains(name.replace("'", "&#39;")) || rows[i].contains(name)) {
                row = i;
            }
        }
        assertTrue(row > 0, name + " listed: " + page);
        Matcher button = Pattern.compile("id=\"factors:list:(\\d+):remove\"").matcher(rows[row]);
        assertTrue(button.find(), rows[row]);
        // Its click handler (registered under the content security policy) carries the factor's id.
        Matcher id = Pattern.compile("list\\\\?:" + button.group(1) + "\\\\?:remove.{0,400}?factor.{0,16}?"
                + "([0-9a-f]{8}(?:\\\\?-[0-9a-f]{4}){3}\\\\?-[0-9a-f]{12})", Pattern.DOTALL).matcher(page);
        assertTrue(id.find(), "the remove button carries the factor's id: " + page);
        browser.submit("/account/security.xhtml", "factors", Map.of("list:" + button.group(1) + ":remove", ""),
                Map.of("factor", id.group(1).replace("\\", "")), true);
        return browser.submit("/account/security.xhtml", "remove", Map.of("password", proof, "confirmRemove", ""))
                .body();
    }

    /** A new person of the bakery adds an authenticator app in Mon compte › Sécurité, as a person would. */
    private Enrolled enrol(String firstName) throws Exception {
        Fixtures.Person person = Fixtures.user(IsolationMatrixIT.BOULANGERIE, firstName, "Deuxfacteurs", "FR",
                "second.it.example");
        FormClient browser = new FormClient(portal, "fr");
        assertTrue(browser.signIn(person.email(), PASSWORD));
        String page = browser.get("/account/security.xhtml").body();
        assertTrue(page.contains("seul votre mot de passe protège votre compte"), page);
        String started = browser.submit("/account/security.xhtml", "enrol", Map.of("start", "")).body();
        assertTrue(started.contains("<svg"), "the QR code, drawn in the page");
        Matcher typed = SECRET.matcher(started);
        assertTrue(typed.find(), started);
        byte[] secret = TotpCodes.fromBase32(typed.group(1));

        String wrongCode = browser.submit("/account/security.xhtml", "enrol", Map.of("name", "Téléphone de "
                + firstName, "code", "000000", "password", PASSWORD, "confirm", "")).body();
        assertTrue(wrongCode.contains("Ce code ne correspond pas"), wrongCode);
        // A stolen session cannot make the account its own: the current password is asked again.
        String code = CODES.codeAt(secret, TotpCodes.stepAt(Instant.now()));
        String wrongPassword = browser.submit("/account/security.xhtml", "enrol", Map.of("name", "Téléphone de "
                + firstName, "code", code, "password", "Pas-le-bon-2026", "confirm", "")).body();
        assertTrue(wrongPassword.contains("enrol:passwordMsg") && !RECOVERY.matcher(wrongPassword).find(),
                wrongPassword);
        String confirmed = browser.submit("/account/security.xhtml", "enrol", Map.of("name", "Téléphone de "
                + firstName, "code", code, "password", PASSWORD, "confirm", "")).body();
        List<String> recovery = new ArrayList<>();
        Matcher shown = RECOVERY.matcher(confirmed);
        while (shown.find()) {
            recovery.add(shown.group(1));
        }
        assertEquals(10, recovery.size(), confirmed);
        assertTrue(confirmed.contains("Codes de récupération restants : 10 sur 10."), confirmed);
        String later = browser.get("/account/security.xhtml").body();
        assertFalse(later.contains(recovery.get(0)), "shown once");
        assertNotEquals(-1, later.indexOf("Téléphone de " + firstName));
        return new Enrolled(person, secret, recovery);
    }

    /** Signs in with the password; where the portal leads next (a path). */
    private static String afterPassword(FormClient browser, String email) throws Exception {
        browser.get("/login.xhtml");
        HttpResponse<String> answer = browser.submit("/login.xhtml", "signIn",
                Map.of("email", email, "password", PASSWORD, "submit", "", "continue", ""));
        assertEquals(302, answer.statusCode(), answer.body());
        String location = FormClient.location(answer);
        return location.substring(location.indexOf("/", location.indexOf("//") + 2))
                .replaceFirst("^/[^/]*(?=/(login|account/security))", "");
    }

    private static HttpResponse<String> tokenWithCode(Api api, String email, String password, String otp)
            throws Exception {
        return api.http().send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(jakarta.json.Json.createObjectBuilder()
                        .add("email", email).add("password", password).add("otp", otp).build().toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
