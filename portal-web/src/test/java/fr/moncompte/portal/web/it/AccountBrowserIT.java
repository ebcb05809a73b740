package fr.moncompte.portal.web.it;

import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mon compte's flows as a person goes through them in Chromium, with the links read from the mails that reached
 * GreenMail: changing the sign-in address, accepting an invitation, the lockout after five wrong passwords,
 * "Mot de passe oublié ?", notification preferences, the warning before the idle sign-out. Every page visited must
 * run under the Content-Security-Policy without a single blocked script. All test classes share one portal: the
 * people whose address, password or state change here are made by each test (Thomas, Hugo, Sarah, Nina); the demo
 * accounts used (Claire, Marc, Paul, Emma) only sign in, and what they change is set back.
 */
@Order(50)
@RunAsClient
class AccountBrowserIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String MARC = "comptable@cabinet-durand.example";

    @ArquillianResource
    URL portal;

    @Test
    void changing_the_sign_in_address_asks_the_password_tells_nothing_of_a_taken_one_and_takes_effect_through_the_link() throws Exception {
        String thomas = Fixtures.user(Fixtures.BOULANGERIE, "Thomas", "Girard", "EN", "boulangerie-martin.example")
                .email();
        String newAddress = "t.girard." + System.nanoTime() + "@mail.example";
        try (Browser browser = new Browser(portal, "en-GB,en")) {
            browser.signIn(thomas, PASSWORD).open("/account/informations.xhtml");
            assertEquals("en", browser.htmlLang(), "Thomas reads English");

            saveEmail(browser, newAddress, "not my password");
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("email:passwordMsg"),
                    "The current password is wrong."), "the password refused");
            assertEquals(newAddress, browser.driver.findElement(By.id("email:newEmail")).getAttribute("value"),
                    "the address typed is kept");
            assertEquals("true", browser.driver.findElement(By.id("email:password")).getAttribute("aria-invalid"));

            // An address that already signs in elsewhere: the same answer as any other (nobody learns who has an
            // account); its owner is told instead, and no link goes anywhere.
            saveEmail(browser, CLAIRE.toUpperCase(), PASSWORD);
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("email:outcome"),
                    "A confirmation link was sent to"), "a taken address answered as any other");
            assertEquals("", browser.text(By.id("email:newEmailMsg")), "no error on the address");

            saveEmail(browser, "not-an-address", PASSWORD);
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("email:newEmailMsg"),
                    "This e-mail address is not valid."), "a malformed address refused");

            saveEmail(browser, newAddress, PASSWORD);
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("email:outcome"),
                    "A confirmation link was sent to " + newAddress), "the link sent");
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("pendingText"), newAddress),
                    "the pending change shown");
            assertEquals(thomas, browser.text(By.id("accountEmail")), "the login changes only with the link");
            browser.screenshot("thomas-email-change-pending");

            MimeMessage confirmation = Mailbox.await(Mailbox.to(newAddress), 1, 60_000).get(0);
            assertEquals("Confirm your new e-mail address", confirmation.getSubject());
            // Thomas is told of each change asked for: Claire's address (which she is told of too, in French), then
            // his new one.
            List<MimeMessage> notices = Mailbox.await(m -> Mailbox.to(thomas).test(m)
                    && Mailbox.subjectOf(m).equals("A change of your e-mail address was requested"), 2, 60_000);
            assertTrue(notices.stream().anyMatch(notice -> Mailbox.text(notice).contains("t***@mail.example")));
            assertEquals(1, Mailbox.await(m -> Mailbox.to(CLAIRE).test(m) && Mailbox.subjectOf(m)
                    .equals("Votre adresse e-mail a été proposée pour un autre compte"), 1, 60_000).size());

            String link = Mailbox.link(confirmation);
            browser.openLink(link);
            assertTrue(browser.text(By.id("confirmQuestion")).contains(newAddress));
            browser.driver.findElement(By.id("confirm:confirm")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("emailConfirmed")), "confirmed");
            browser.screenshot("thomas-email-confirmed");

            Predicate<MimeMessage> changed = m -> Mailbox.subjectOf(m).equals("Your e-mail address was changed");
            assertEquals(1, Mailbox.await(m -> changed.test(m) && Mailbox.to(newAddress).test(m), 1, 60_000).size());
            assertEquals(1, Mailbox.await(m -> changed.test(m) && Mailbox.to(thomas).test(m), 1, 60_000).size(),
                    "the old address is told too");

            browser.openLink(link);
            assertTrue(browser.present(By.id("linkUsed")), "a confirmation link works once");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
        try (Browser browser = new Browser(portal, "en-GB,en")) {
            browser.signInExpectingFailure(thomas, PASSWORD);
            browser.signIn(newAddress.toUpperCase(), PASSWORD);
            assertEquals(newAddress, browser.text(By.id("accountEmail")));
        }
    }

    @Test
    void an_invited_person_chooses_a_password_through_the_link_an_administrator_sent() throws Exception {
        Fixtures.Person invited = Fixtures.invited(Fixtures.BOULANGERIE, "Hugo", "Moreau", "FR",
                "boulangerie-martin.example");
        String hugo = invited.email();
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD).open("/users/index.xhtml?q=Bernard");
            assertTrue(browser.present(By.xpath("//tr[contains(., 'Léa Bernard')]")), "Léa is in Claire's list");
            assertFalse(browser.present(By.xpath("//tr[contains(., 'Léa Bernard')]//*[contains(@id, ':invite')]")),
                    "Léa's company is billed through the firm: Claire may not act for her");

            browser.open("/users/index.xhtml?q=" + invited.lastName());
            WebElement resend = browser.driver.findElement(By.cssSelector("[aria-label='Renvoyer l\\'invitation à "
                    + invited.name() + "']"));
            resend.click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Une nouvelle invitation a été envoyée à " + hugo), "the invitation sent");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
            browser.forgetSession();

            MimeMessage invitation = Mailbox.await(Mailbox.to(hugo), 1, 60_000).get(0);
            assertEquals("Votre invitation à l'espace client Inexweb", invitation.getSubject());
            browser.openLink(Mailbox.link(invitation));
            assertEquals("fr", browser.htmlLang());
            assertTrue(browser.text(By.id("chooseFor")).contains(hugo));
            browser.type("choose:password", "Le pain se lève tôt");
            browser.type("choose:confirm", "Le pain se leve tot");
            browser.driver.findElement(By.id("choose:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("choose:confirmMsg"),
                    "La confirmation ne correspond pas"), "the mismatch refused");
            browser.type("choose:password", "Le pain se lève tôt");
            browser.type("choose:confirm", "Le pain se lève tôt");
            browser.driver.findElement(By.id("choose:save")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("welcomeNotice")), "the welcome");
            browser.screenshot("hugo-welcome");
            browser.signIn(hugo, "Le pain se lève tôt");
            assertEquals(invited.name(), browser.text(By.id("userMenu:menu_button")));
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(MARC, PASSWORD).open("/users/index.xhtml?q=Bernard");
            assertTrue(browser.present(By.xpath("//tr[contains(., 'Léa Bernard')]//*[contains(@id, ':invite')]")),
                    "the firm's administrator may act for Léa");
        }
    }

    @Test
    void five_wrong_passwords_in_the_browser_lock_the_account_with_the_same_answer_and_its_owner_is_told() throws Exception {
        String chosen = "Engines purr at dawn";
        Fixtures.Person invited = Fixtures.invited(Fixtures.BOULANGERIE, "Sarah", "Blake", "EN",
                "boulangerie-martin.example");
        String sarah = invited.email();
        try (Browser browser = new Browser(portal, "en-GB,en")) {
            // Claire, who reads French, invites Sarah, who reads English: each gets their own language.
            browser.signIn(CLAIRE, PASSWORD).open("/users/index.xhtml?q=" + invited.lastName());
            browser.driver.findElement(By.cssSelector("[aria-label='Renvoyer l\\'invitation à " + invited.name()
                    + "']")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Une nouvelle invitation a été envoyée à " + sarah), "the invitation sent");
            browser.forgetSession();
            MimeMessage invitation = Mailbox.await(Mailbox.to(sarah), 1, 60_000).get(0);
            assertEquals("Your invitation to the Inexweb customer area", invitation.getSubject());
            browser.openLink(Mailbox.link(invitation));
            browser.type("choose:password", chosen);
            browser.type("choose:confirm", chosen);
            browser.driver.findElement(By.id("choose:save")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("welcomeNotice")), "the welcome");

            String neutral = null;
            for (int i = 1; i <= 5; i++) {
                browser.signInExpectingFailure(sarah, "wrong password " + i);
                String said = browser.text(By.cssSelector("#messages .ui-messages-error"));
                assertTrue(neutral == null || neutral.equals(said), said);
                neutral = said;
            }
            browser.signInExpectingFailure(sarah, chosen);
            assertEquals(neutral, browser.text(By.cssSelector("#messages .ui-messages-error")),
                    "locked: the same sentence, even for the right password");
            browser.screenshot("sarah-locked");
        }
        Predicate<MimeMessage> locked = m -> Mailbox.to(sarah).test(m)
                && Mailbox.subjectOf(m).equals("Your account is locked for 15 minutes");
        assertEquals(1, Mailbox.await(locked, 1, 60_000).size());
    }

    @Test
    void forgot_password_from_the_sign_in_page_to_a_new_password() throws Exception {
        String chosen = "Un café au lait bien chaud";
        String nina = Fixtures.user(Fixtures.TRAITEUR, "Nina", "Faure", "FR", "cabinet-durand.example").email();
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.open("/login.xhtml");
            browser.driver.findElement(By.id("forgot")).click();
            browser.waitFor(ExpectedConditions.urlContains("/password/forgot.xhtml"), "the forgot page");
            browser.type("forgot:email", nina);
            browser.driver.findElement(By.id("forgot:send")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Si un compte actif utilise cette adresse"), "the neutral answer");
            browser.screenshot("forgot-sent");

            MimeMessage reset = Mailbox.await(m -> Mailbox.to(nina).test(m)
                    && Mailbox.subjectOf(m).equals("Choisissez un nouveau mot de passe"), 1, 60_000).get(0);
            browser.openLink(Mailbox.link(reset));
            browser.driver.findElement(By.id("languageForm:en")).click();
            browser.waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"), "English");
            assertTrue(browser.text(By.id("chooseFor")).contains(nina), "the link's page keeps its token in English");
            browser.type("choose:password", chosen);
            browser.type("choose:confirm", chosen);
            browser.driver.findElement(By.id("choose:save")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("resetNotice")), "back to sign-in");
            browser.signIn(nina, chosen);
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
    }

    @Test
    void notification_preferences_keep_mandatory_events_locked_and_save_the_others() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            // Claire administers Boulangerie Martin: she also gets the invoice and payment events.
            browser.signIn(CLAIRE, PASSWORD).open("/account/informations.xhtml");
            List<WebElement> locked = browser.driver.findElements(By.xpath(
                    "//form[@id='preferences']//td[normalize-space(.)='Toujours, tout de suite']"));
            assertEquals(21, locked.size(), "password, e-mail, lock, removal from a company, invitation to join one,"
                    + " a second factor added, removed or reset, a recovery code used, codes renewed: both channels;"
                    + " invitation to set a password: e-mail only");
            assertTrue(browser.text(By.id("preferences")).contains("Mot de passe modifié (obligatoire)"));
            assertEquals("À chaque fois", choice(browser, "Nouvelle facture : E-mail").getFirstSelectedOption().getText());
            assertEquals("Jamais", choice(browser, "Paiement reçu : E-mail").getFirstSelectedOption().getText(),
                    "a payment received comes in the portal only, by default");

            choice(browser, "Nouvelle facture : E-mail").selectByVisibleText("Résumé quotidien");
            choice(browser, "Paiement reçu : E-mail").selectByVisibleText("À chaque fois");
            browser.driver.findElement(By.id("preferences:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("preferences:outcome"),
                    "Vos préférences de notification ont été enregistrées."), "saved");
            browser.screenshot("claire-preferences");

            browser.open("/account/informations.xhtml");
            assertEquals("DIGEST", choice(browser, "Nouvelle facture : E-mail").getFirstSelectedOption().getAttribute("value"));
            assertEquals("IMMEDIATE", choice(browser, "Paiement reçu : E-mail").getFirstSelectedOption().getAttribute("value"));
            choice(browser, "Nouvelle facture : E-mail").selectByValue("IMMEDIATE");
            choice(browser, "Paiement reçu : E-mail").selectByValue("OFF");
            browser.driver.findElement(By.id("preferences:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("preferences:outcome"),
                    "enregistrées"), "saved back");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn("paul.lefevre@boulangerie-martin.example", PASSWORD).open("/account/informations.xhtml");
            assertFalse(browser.text(By.id("preferences")).contains("Nouvelle facture"), "invoices are for administrators");
            assertTrue(browser.text(By.id("preferences")).contains("Accès à une application accordé"));
        }
    }

    @Test
    void a_minute_before_the_idle_sign_out_a_dialog_offers_to_stay_and_otherwise_signs_out() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn("emma.roux@garage-petit.example", PASSWORD).open("/account/security.xhtml");
            WebElement dialog = browser.driver.findElement(By.id("idleWarning"));
            assertFalse(dialog.isDisplayed());
            int idleSeconds = Integer.parseInt(dialog.getAttribute("data-idle-seconds"));
            assertEquals(1800, idleSeconds, "30 minutes");

            // As if the last request were 29 minutes and 10 seconds ago.
            lastRequestSecondsAgo(browser, idleSeconds - 50);
            browser.waitFor(ExpectedConditions.visibilityOf(dialog), "the warning");
            assertEquals("idle:stay", browser.driver.switchTo().activeElement().getAttribute("id"), "focus on stay");
            assertEquals("alertdialog", browser.driver.findElement(By.cssSelector("#idleWarning [role]")).getAttribute("role"));
            browser.screenshot("idle-warning");
            browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.waitFor(ExpectedConditions.invisibilityOf(dialog), "the warning closed");
            long noted = ((Number) ((JavascriptExecutor) browser.driver).executeScript(
                    "return Number(localStorage.getItem('portal.lastRequest'));")).longValue();
            assertTrue(System.currentTimeMillis() - noted < 10_000, "the answer to 'stay' was noted as a request");
            browser.open("/account/security.xhtml");
            assertTrue(browser.driver.getCurrentUrl().contains("/account/security.xhtml"), "still signed in");

            lastRequestSecondsAgo(browser, idleSeconds);
            browser.waitFor(ExpectedConditions.urlContains("/login.xhtml?idle=true"), "the idle sign-out");
            assertTrue(browser.text(By.id("idleNotice")).contains("après 30 minutes sans activité"));
            browser.open("/account/security.xhtml");
            browser.waitFor(ExpectedConditions.urlContains("/login.xhtml"), "signed out for real");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
    }

    private static void saveEmail(Browser browser, String address, String password) {
        browser.type("email:newEmail", address);
        browser.type("email:password", password);
        browser.driver.findElement(By.id("email:save")).click();
    }

    private static Select choice(Browser browser, String label) {
        return new Select(browser.driver.findElement(By.cssSelector("#preferences select[aria-label='" + label + "']")));
    }

    private static void lastRequestSecondsAgo(Browser browser, int seconds) {
        ((JavascriptExecutor) browser.driver).executeScript(
                "localStorage.setItem('portal.lastRequest', String(Date.now() - arguments[0] * 1000));", seconds);
    }
}
