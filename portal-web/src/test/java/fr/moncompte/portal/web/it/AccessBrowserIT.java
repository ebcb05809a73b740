package fr.moncompte.portal.web.it;

import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Utilisateurs › Applications" and the round "+" in Chromium: access granted and revoked (after a confirmation),
 * said in words; a company billed through its firm read-only for the client's administrator and changed by the
 * firm's; a user created and invited, the invitation read from the SMTP server in the new user's language.
 */
@Order(70)
@RunAsClient
class AccessBrowserIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String MARC = "comptable@cabinet-durand.example";
    /** Inès (Boulangerie Martin, DIRECT) and Victor (Martin Traiteur, billed through Cabinet Durand). */
    static final long INES = 13;
    static final long VICTOR = 14;

    @ArquillianResource
    URL portal;

    @Test
    void an_administrator_grants_an_application_then_revokes_it_after_confirming() throws Exception {
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/users/user.xhtml?id=" + INES + "&menu=applications");
            assertEquals("Non accordé", state(claire, "FACTU"));
            assertEquals("Accordé", state(claire, "COMPTA"));
            assertFalse(claire.present(By.cssSelector("[data-application='BANQUE']")),
                    "Banque is not configured on Boulangerie Martin: not offered");

            claire.driver.findElement(By.cssSelector("button[id$='grant'][data-application='FACTU']")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("access:outcome"),
                    "Accès à Facturation sur Boulangerie Martin SARL accordé à Inès Roux."), "the outcome");
            claire.waitFor(d -> "access:outcome".equals(d.switchTo().activeElement().getAttribute("id")),
                    "the focus on the outcome, not lost");
            assertEquals("Accordé", state(claire, "FACTU"));

            claire.driver.findElement(By.cssSelector("button[id$='revoke'][data-application='FACTU']")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("revokeQuestion"),
                    "Retirer l'accès de Inès Roux à Facturation sur Boulangerie Martin SARL ?"), "the question");
            claire.waitFor(d -> "access:confirmRevoke".equals(d.switchTo().activeElement().getAttribute("id")),
                    "the focus on the confirmation");
            claire.screenshot("claire-revoke-question");
            assertEquals("Accordé", state(claire, "FACTU"), "nothing changes before the confirmation");
            claire.driver.findElement(By.id("access:confirmRevoke")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("access:outcome"),
                    "Accès à Facturation sur Boulangerie Martin SARL retiré à Inès Roux."), "the outcome");
            assertEquals("Non accordé", state(claire, "FACTU"));

            // Cancelling a revocation keeps the access.
            claire.driver.findElement(By.cssSelector("button[id$='revoke'][data-application='COMPTA']")).click();
            claire.waitFor(ExpectedConditions.elementToBeClickable(By.id("access:cancelRevoke")), "the question").click();
            claire.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("revokeQuestion")), "no question");
            assertEquals("Accordé", state(claire, "COMPTA"));

            // A reload shows what the database holds.
            claire.open("/users/user.xhtml?id=" + INES + "&menu=applications");
            assertEquals("Non accordé", state(claire, "FACTU"));
            assertEquals("Accordé", state(claire, "COMPTA"));
            assertTrue(claire.cspViolations().isEmpty(), claire.cspViolations().toString());
        }
    }

    @Test
    void a_firm_billed_company_is_read_only_for_the_client_administrator_and_the_firm_changes_it() throws Exception {
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/users/user.xhtml?id=" + VICTOR + "&menu=applications");
            String page = claire.text(By.id("access"));
            assertTrue(page.contains("contactez votre comptable pour créer un utilisateur ou modifier les accès"), page);
            assertEquals("Accordé", state(claire, "COMPTA"));
            assertTrue(claire.driver.findElements(By.cssSelector("#access button")).isEmpty(), "no button to act");
            claire.screenshot("claire-firm-billed-read-only");

            claire.open("/companies/company.xhtml?id=31&menu=access");
            assertTrue(claire.text(By.id("accessReadOnly")).contains("contactez votre comptable"));
            assertFalse(claire.present(By.id("addUser")), "no user creation on it");
        }
        try (Browser marc = new Browser(portal, "fr-FR,fr")) {
            marc.signIn(MARC, PASSWORD).open("/users/user.xhtml?id=" + VICTOR + "&menu=applications");
            assertFalse(marc.present(By.cssSelector(".notice")), "no read-only notice for the firm");
            marc.driver.findElement(By.cssSelector("button[id$='grant'][data-application='GED']")).click();
            marc.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("access:outcome"),
                    "Accès à Documents sur Martin Traiteur SAS accordé à Victor Lambert."), "the outcome");
            assertEquals("Accordé", state(marc, "GED"));
            marc.driver.findElement(By.cssSelector("button[id$='revoke'][data-application='GED']")).click();
            marc.waitFor(ExpectedConditions.elementToBeClickable(By.id("access:confirmRevoke")), "the question").click();
            marc.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("access:outcome"), "retiré"),
                    "the outcome");
            assertEquals("Non accordé", state(marc, "GED"));
        }
    }

    @Test
    void the_round_plus_creates_a_user_who_receives_the_invitation_in_their_language() throws Exception {
        String email = "zoe.durand." + System.currentTimeMillis() + "@boulangerie-martin.example";
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/users/index.xhtml");
            claire.driver.findElement(By.id("create")).click();
            claire.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("newUser:create")), "the form");
            // Only the companies where Claire may create users: not Martin Traiteur, billed through the firm.
            List<String> offered = new Select(claire.driver.findElement(By.id("newUser:company"))).getOptions().stream()
                    .map(option -> option.getText()).toList();
            assertTrue(offered.contains("Boulangerie Martin SARL (SIREN 732829320)"), offered.toString());
            assertFalse(offered.stream().anyMatch(name -> name.startsWith("Martin Traiteur")), offered.toString());

            // Nothing typed: every missing field says so.
            claire.driver.findElement(By.id("newUser:create")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("newUser:companyMsg"),
                    "Choisissez l'entreprise."), "the company's message");
            assertTrue(claire.text(By.id("newUser:firstNameMsg")).contains("Saisissez le prénom."));
            assertEquals("true", claire.driver.findElement(By.id("newUser:firstName")).getAttribute("aria-invalid"));

            new Select(claire.driver.findElement(By.id("newUser:company")))
                    .selectByVisibleText("Boulangerie Martin SARL (SIREN 732829320)");
            claire.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//label[normalize-space()='Comptabilité']")), "its applications");
            assertFalse(claire.present(By.xpath("//label[normalize-space()='Banque']")), "only configured ones");
            claire.driver.findElement(By.xpath("//label[normalize-space()='Comptabilité']")).click();
            claire.type("newUser:firstName", "Zoé");
            claire.type("newUser:lastName", "Durand");
            // A member of the company already is refused on its field; the rest stays as typed.
            claire.type("newUser:email", "paul.lefevre@boulangerie-martin.example");
            new Select(claire.driver.findElement(By.id("newUser:language"))).selectByValue("en");
            claire.driver.findElement(By.id("newUser:create")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("newUser:emailMsg"),
                    "fait déjà partie de cette entreprise"), "the refusal");
            assertEquals("Zoé", claire.driver.findElement(By.id("newUser:firstName")).getAttribute("value"));
            assertEquals("paul.lefevre@boulangerie-martin.example",
                    claire.driver.findElement(By.id("newUser:email")).getAttribute("value"));
            assertTrue(claire.driver.findElement(By.xpath("//label[normalize-space()='Comptabilité']/preceding-sibling::input"
                    + " | //input[@id=//label[normalize-space()='Comptabilité']/@for]")).isSelected(), "still ticked");

            claire.screenshot("claire-new-user-refused");
            claire.type("newUser:email", email);
            claire.driver.findElement(By.id("newUser:create")).click();
            // The list, saying that the invitation went out: the same words whether the address had an account.
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Une invitation à rejoindre Boulangerie Martin SARL a été envoyée à " + email + "."),
                    "the list and its message");
            Api api = new Api(portal);
            long zoe = Api.json(api.get(api.token(CLAIRE, PASSWORD), "/api/v1/users?search=" + email))
                    .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
            claire.open("/users/user.xhtml?id=" + zoe);
            claire.waitFor(ExpectedConditions.textToBe(By.id("email"), email), "the new user's page");
            assertEquals("Invité, mot de passe à définir", claire.text(By.id("status")));
            claire.driver.findElement(By.linkText("Applications")).click();
            claire.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("access")), "her applications");
            assertEquals("Accordé", state(claire, "COMPTA"));
            assertEquals("Non accordé", state(claire, "FACTU"));
            assertTrue(claire.cspViolations().isEmpty(), claire.cspViolations().toString());
        }
        Predicate<MimeMessage> invitation = message -> Mailbox.to(email).test(message)
                && Mailbox.subjectOf(message).startsWith("Your invitation to the");
        List<MimeMessage> mails = Mailbox.await(invitation, 1, 60_000);
        assertEquals(1, mails.size(), "one invitation, in English");
        try (Browser zoe = new Browser(portal, "en-GB,en")) {
            zoe.openLink(Mailbox.link(mails.get(0)));
            assertEquals("en", zoe.htmlLang(), "the link opens in her language");
            assertTrue(zoe.text(By.id("chooseFor")).contains(email), zoe.text(By.id("chooseFor")));
            zoe.type("choose:password", "Zoe-Invited-2026!");
            zoe.type("choose:confirm", "Zoe-Invited-2026!");
            zoe.driver.findElement(By.id("choose:save")).click();
            zoe.waitFor(ExpectedConditions.urlContains("welcome=true"), "the sign-in page after choosing her password");
            zoe.signIn(email, "Zoe-Invited-2026!").open("/account/informations.xhtml");
            assertTrue(zoe.driver.getPageSource().contains("Zoé"), "her own account");
        }
    }

    @Test
    void an_administrator_appoints_a_colleague_then_removes_the_role_each_time_confirmed() throws Exception {
        try (Browser omar = new Browser(portal, "fr-FR,fr")) {
            // Emma (6) works for Garage Petit, whose account Omar administers (12).
            omar.signIn("omar.haddad@garage-petit.example", PASSWORD).open("/users/user.xhtml?id=6");
            assertEquals("Utilisateur", omar.text(By.cssSelector("span.badge[data-account='12']")));
            omar.driver.findElement(By.cssSelector("button[id$='appoint'][data-account='12']")).click();
            omar.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("roleQuestion"),
                    "Nommer Emma Roux administrateur du compte « Garage Petit » ?"), "the question");
            omar.waitFor(d -> "role:confirmRole".equals(d.switchTo().activeElement().getAttribute("id")), "its focus");
            assertEquals("Utilisateur", omar.text(By.cssSelector("span.badge[data-account='12']")),
                    "nothing changes before the confirmation");
            omar.driver.findElement(By.id("role:confirmRole")).click();
            omar.waitFor(ExpectedConditions.textToBe(By.cssSelector("span.badge[data-account='12']"),
                    "Administrateur du compte client"), "appointed");
            assertTrue(omar.text(By.id("role:outcome")).contains("à sa prochaine connexion"));

            omar.driver.findElement(By.cssSelector("button[id$='remove'][data-account='12']")).click();
            omar.waitFor(ExpectedConditions.elementToBeClickable(By.id("role:confirmRole")), "the question").click();
            omar.waitFor(ExpectedConditions.textToBe(By.cssSelector("span.badge[data-account='12']"), "Utilisateur"),
                    "a user again");
            assertTrue(omar.cspViolations().isEmpty(), omar.cspViolations().toString());
        }
    }

    /** The access state, in words, of one application on the page's (first) company. */
    private static String state(Browser browser, String application) {
        return browser.text(By.cssSelector("span.badge[data-application='" + application + "']"));
    }
}
