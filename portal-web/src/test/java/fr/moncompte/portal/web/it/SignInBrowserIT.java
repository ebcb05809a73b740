package fr.moncompte.portal.web.it;

import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What people see and do in a real browser: which spaces each role gets, the 403s, sign-in failures, the password. */
@Order(30)
@RunAsClient
class SignInBrowserIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String PAUL = "paul.lefevre@boulangerie-martin.example";
    static final String EMMA = "emma.roux@garage-petit.example";
    static final String MARC = "comptable@cabinet-durand.example";

    static final By SPACE_ACCOUNT = By.id("spaceAccount");
    static final By SPACE_USERS = By.id("spaceUsers");
    static final By SPACE_COMPANIES = By.id("spaceCompanies");

    @ArquillianResource
    URL portal;

    @Test
    void a_client_administrator_sees_the_three_spaces_and_her_companies_only() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD);
            assertEquals("fr", browser.htmlLang());
            assertEquals("Claire Martin", browser.text(By.id("userMenu:menu_button")));
            assertEquals("Mon compte", browser.text(SPACE_ACCOUNT));
            assertEquals("Utilisateurs", browser.text(SPACE_USERS));
            assertEquals("Entreprises", browser.text(SPACE_COMPANIES));
            assertEquals("claire.martin@boulangerie-martin.example", browser.text(By.id("accountEmail")));
            browser.screenshot("claire-informations");

            browser.driver.findElement(SPACE_COMPANIES).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("list:companies")), "the companies");
            String companies = browser.text(By.id("list:companies"));
            assertTrue(companies.contains("Boulangerie Martin SARL"), companies);
            assertTrue(companies.contains("Martin Traiteur SAS"), companies);
            assertTrue(companies.contains("Par le cabinet comptable"), "billing mode in words: " + companies);
            assertFalse(companies.contains("Garage Petit"), "another client's company is out of scope: " + companies);
            browser.screenshot("claire-companies");
            assertEquals(200, status("/users/index.xhtml", browser.sessionCookie()));
        }
    }

    @Test
    void a_user_sees_only_mon_compte_and_the_administration_spaces_answer_403() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(PAUL, PASSWORD);
            assertEquals("Mon compte", browser.text(SPACE_ACCOUNT));
            assertFalse(browser.present(SPACE_USERS), "no Utilisateurs for a user");
            assertFalse(browser.present(SPACE_COMPANIES), "no Entreprises for a user");
            String access = browser.text(By.id("access"));
            assertTrue(access.contains("Comptabilité") && access.contains("Notes de frais"), access);

            assertEquals(403, status("/users/index.xhtml", browser.sessionCookie()));
            assertEquals(403, status("/companies/index.xhtml", browser.sessionCookie()));
            browser.open("/companies/index.xhtml");
            assertEquals("Accès refusé", browser.text(By.id("errorTitle")));
            browser.screenshot("paul-403");
            assertFalse(browser.driver.getPageSource().contains("Exception"), "no stack trace");
        }
    }

    @Test
    void an_unknown_address_and_a_wrong_password_get_the_same_neutral_answer() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signInExpectingFailure("nobody@nowhere.example", PASSWORD);
            String unknown = browser.text(By.id("messages"));
            browser.signInExpectingFailure(CLAIRE, "not-her-password");
            String wrong = browser.text(By.id("messages"));
            assertEquals("Adresse e-mail ou mot de passe incorrect, ou compte indisponible.", unknown);
            assertEquals(unknown, wrong);
            browser.screenshot("sign-in-failed");
            assertTrue(browser.driver.getCurrentUrl().contains("/login.xhtml"));
        }
    }

    @Test
    void the_menu_switches_the_language_and_signs_out() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(MARC, PASSWORD);
            assertEquals("fr", browser.htmlLang());
            openUserMenu(browser);
            browser.screenshot("marc-user-menu");
            browser.driver.findElement(By.id("userMenu:langEn")).click();
            browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"), "English pages");
            assertEquals("My account", browser.text(SPACE_ACCOUNT));
            assertEquals("English", browser.text(By.id("accountLanguage")), "the account keeps the language");

            // Back to French, as the other tests expect of Marc (on PostgreSQL every class shares one database).
            openUserMenu(browser);
            browser.driver.findElement(By.id("userMenu:langFr")).click();
            browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"), "French pages");
            assertEquals("Français", browser.text(By.id("accountLanguage")));

            openUserMenu(browser);
            browser.driver.findElement(By.id("userMenu:signOut")).click();
            browser.waitFor(ExpectedConditions.urlContains("/login.xhtml"), "the sign-in page");
            assertTrue(browser.text(By.cssSelector("main")).contains("Vous êtes déconnecté."));
            browser.open("/account/informations.xhtml");
            assertTrue(browser.driver.getCurrentUrl().contains("/login.xhtml"), "the session is over");
        }
    }

    @Test
    void signing_in_from_a_protected_page_leads_back_to_it_in_the_accounts_language_with_a_new_session() throws Exception {
        try (Browser browser = new Browser(portal, "en-GB,en")) {
            browser.open("/account/informations.xhtml");
            browser.waitFor(ExpectedConditions.urlContains("/login.xhtml"), "the sign-in page");
            assertEquals("en", browser.htmlLang(), "before sign-in the page follows the browser");
            String anonymousSession = browser.sessionCookie();
            browser.type("signIn:email", EMMA);
            browser.type("signIn:password", PASSWORD);
            browser.driver.findElement(By.id("signIn:submit")).click();
            browser.waitFor(ExpectedConditions.urlContains("/account/informations.xhtml"), "the page first asked for");
            browser.screenshot("emma-back-to-the-page-asked-for");
            assertEquals("Emma Roux", browser.text(By.id("userMenu:menu_button")));
            assertEquals("fr", browser.htmlLang(), "Emma's account is in French");
            assertFalse(anonymousSession.equals(browser.sessionCookie()), "a new session id at sign-in");
        }
    }

    @Test
    void the_security_menu_lists_sessions_and_sign_ins_and_ends_the_other_sessions() throws Exception {
        try (Browser here = new Browser(portal, "fr-FR,fr"); Browser there = new Browser(portal, "fr-FR,fr")) {
            there.signIn(CLAIRE, PASSWORD);
            here.signIn(CLAIRE, PASSWORD);
            here.driver.findElement(By.id("menuSecurity")).click();
            here.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("sessions:active")), "the sessions");
            String sessions = here.text(By.id("sessions:active"));
            assertEquals(1, sessions.split("\\(cette session\\)", -1).length - 1, "one session is this one: " + sessions);
            assertTrue(here.driver.findElements(By.cssSelector("#sessions\\:active tbody tr")).size() >= 2, sessions);
            assertTrue(here.text(By.id("signIns")).contains("Réussie"), "recent sign-ins in words");
            here.screenshot("claire-security");

            here.driver.findElement(By.id("sessions:endOthers")).click();
            here.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "terminée"), "the outcome");
            assertEquals(1, here.driver.findElements(By.cssSelector("#sessions\\:active tbody tr")).size(),
                    "only this session is left");

            there.open("/account/informations.xhtml");
            assertTrue(there.driver.getCurrentUrl().contains("/login.xhtml?ended=true"), there.driver.getCurrentUrl());
            here.open("/account/informations.xhtml");
            assertEquals("Claire Martin", here.text(By.id("userMenu:menu_button")), "this session stays open");
        }
    }

    @Test
    void contact_data_refuses_a_bad_phone_without_losing_input_then_saves_and_applies_the_language() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD);
            browser.type("contact:phone", "06 12");
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("contact:language")))
                    .selectByValue("en");
            browser.driver.findElement(By.id("contact:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("contact:phoneMsg"),
                    "n'est pas valide"), "the phone message");
            assertEquals("06 12", browser.driver.findElement(By.id("contact:phone")).getAttribute("value"), "kept");
            assertEquals("true", browser.driver.findElement(By.id("contact:phone")).getAttribute("aria-invalid"));
            assertEquals("fr", browser.htmlLang(), "nothing was saved");

            browser.type("contact:phone", "06 98 76 54 32");
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("contact:language")))
                    .selectByValue("en");
            browser.driver.findElement(By.id("contact:save")).click();
            browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"), "English pages");
            assertTrue(browser.text(By.id("contact:outcome")).contains("Your contact details were saved."));
            assertEquals("+33698765432", browser.driver.findElement(By.id("contact:phone")).getAttribute("value"));

            // Back to French, as the other tests expect of Claire.
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("contact:language")))
                    .selectByValue("fr");
            browser.driver.findElement(By.id("contact:save")).click();
            browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"), "French pages");
        }
    }

    static void openUserMenu(Browser browser) {
        browser.driver.findElement(By.id("userMenu:menu_button")).click();
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("userMenu:signOut")), "the menu");
    }

    @Test
    void changing_the_password_refuses_a_common_one_then_mails_the_change_in_english() throws Exception {
        // An English user of Garage Petit made for this test: the demo accounts keep their password.
        Fixtures.Person ethan = Fixtures.user(Fixtures.GARAGE, "Ethan", "Price", "EN", "garage-petit.example");
        try (Browser browser = new Browser(portal, "en-GB,en")) {
            browser.signIn(ethan.email(), PASSWORD);
            assertEquals("en", browser.htmlLang());
            Predicate<MimeMessage> passwordMailToEthan = m -> Mailbox.to(ethan.email()).test(m) && isPasswordChange(m);

            browser.type("password:current", PASSWORD);
            browser.type("password:new", "password1234");
            browser.type("password:confirm", "password1234");
            browser.driver.findElement(By.id("password:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("password:newMsg"),
                    "too common"), "the policy message");
            browser.screenshot("ethan-password-refused");
            assertEquals(0, Mailbox.settled(passwordMailToEthan).size(),
                    "a refused change sends nothing");

            Browser elsewhere = new Browser(portal, "en-GB,en").signIn(ethan.email(), PASSWORD);
            String chosen = "Three green bicycles at dawn";
            browser.type("password:current", PASSWORD);
            browser.type("password:new", chosen);
            browser.type("password:confirm", chosen);
            browser.driver.findElement(By.id("password:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("password:outcome"),
                    "Your password was changed"), "the confirmation");
            browser.screenshot("ethan-password-changed");

            assertEquals("1", get("/it/password-change", browser.sessionCookie()).body(), "one audit event");
            List<MimeMessage> mails = Mailbox.await(passwordMailToEthan, 1, 60_000);
            assertEquals(1, mails.size(), "one mail for the change");
            assertEquals("Your password was changed", mails.get(0).getSubject());

            try (elsewhere) {
                elsewhere.open("/account/informations.xhtml");
                assertTrue(elsewhere.driver.getCurrentUrl().contains("/login.xhtml?ended=true"),
                        "the password change ended the other session: " + elsewhere.driver.getCurrentUrl());
                assertTrue(elsewhere.text(By.cssSelector("main")).contains("after a password change"));
            }
            browser.open("/account/informations.xhtml");
            assertEquals(ethan.name(), browser.text(By.id("userMenu:menu_button")), "the session that changed it stays");

            browser.forgetSession();
            browser.signInExpectingFailure(ethan.email(), PASSWORD);
            browser.signIn(ethan.email(), chosen);
            assertEquals(ethan.name(), browser.text(By.id("userMenu:menu_button")));
        }
    }

    @Test
    void a_password_change_whose_transaction_rolls_back_changes_nothing_and_mails_nothing() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(PAUL, PASSWORD);
            Predicate<MimeMessage> passwordMailToPaul = m -> Mailbox.to(PAUL).test(m) && isPasswordChange(m);
            int before = Mailbox.matching(passwordMailToPaul).size();

            HttpResponse<String> answer = post("/it/password-change", browser.sessionCookie(),
                    "current=" + PASSWORD + "&next=Rolled+back+before+it+counted");
            assertEquals("rolled back", answer.body());
            assertEquals("0", get("/it/password-change", browser.sessionCookie()).body(), "no audit event");

            assertEquals(before, Mailbox.settled(passwordMailToPaul).size(), "no mail");
            browser.forgetSession();
            browser.signIn(PAUL, PASSWORD);
            assertEquals("Paul Lefèvre", browser.text(By.id("userMenu:menu_button")), "the old password still works");
        }
    }

    @Test
    void every_answer_forbids_framing_and_sniffing_and_the_session_cookie_is_http_only_and_same_site() throws Exception {
        HttpResponse<String> page = get("/login.xhtml", null);
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("strict-origin-when-cross-origin", page.headers().firstValue("Referrer-Policy").orElse(""));
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void unknown_pages_and_forms_without_their_view_state_get_a_translated_page_and_no_stack_trace() throws Exception {
        HttpResponse<String> missing = get("/nothing-here.xhtml", null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page introuvable"), missing.body());

        HttpResponse<String> replayed = post("/login.xhtml", null,
                "signIn=signIn&signIn%3Aemail=a%40b.example&signIn%3Apassword=x&signIn%3Asubmit="
                        + "&jakarta.faces.ViewState=-1%3A-1");
        assertTrue(replayed.body().contains("Page expirée"), replayed.body());
        for (HttpResponse<String> page : List.of(missing, replayed)) {
            assertFalse(page.body().contains("Exception") || page.body().contains("at fr.moncompte"), page.body());
        }
    }

    static boolean isPasswordChange(MimeMessage message) {
        try {
            return message.getSubject().equals("Your password was changed")
                    || message.getSubject().equals("Votre mot de passe a été modifié");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(String path, String sessionId) throws Exception {
        return get(path, sessionId).statusCode();
    }

    private HttpResponse<String> get(String path, String sessionId) throws Exception {
        return send(request(path, sessionId).GET());
    }

    private HttpResponse<String> post(String path, String sessionId, String form) throws Exception {
        return send(request(path, sessionId).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String path, String sessionId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(Browser.loopback(portal).toString().replaceAll("/$", "") + path));
        return sessionId == null ? request.header("Accept-Language", "fr")
                : request.header("Accept-Language", "fr").header("Cookie", "JSESSIONID=" + sessionId);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
