package fr.moncompte.portal.web.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lists of "Entreprises" and "Utilisateurs" in Chromium: searched, sorted and paged by the database, within the
 * caller's scope, with the number of results announced.
 */
@Order(60)
@RunAsClient
class AdministrationListsBrowserIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String OPS = "ops@moncompte.example";

    @ArquillianResource
    URL portal;

    @Test
    void companies_are_searched_by_name_start_without_case_or_accents_and_by_siren() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD).open("/companies/index.xhtml");
            assertEquals(List.of("Boulangerie Martin SARL", "Martin Traiteur SAS"), names(browser, "list:companies"));
            assertEquals("2 entreprises.", browser.text(By.id("resultCount")));

            search(browser, "MARTIN", "resultCount", "Une entreprise.");
            browser.waitFor(d -> names(browser, "list:companies").equals(List.of("Martin Traiteur SAS")), "by name");

            search(browser, "732 829", "resultCount", "Une entreprise.");
            browser.waitFor(d -> names(browser, "list:companies").equals(List.of("Boulangerie Martin SARL")), "by SIREN");

            search(browser, "garage", "resultCount", "Aucune entreprise ne correspond.");
            browser.screenshot("claire-companies-search");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
    }

    @Test
    void an_operator_sorts_every_company_and_users_are_found_without_accents() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(OPS, PASSWORD).open("/companies/index.xhtml");
            assertEquals(List.of("Boulangerie Martin SARL", "Garage Petit EURL", "Martin Traiteur SAS"),
                    names(browser, "list:companies"));
            // SIREN 443… < 542… < 732…: sorted by the database on the column clicked.
            browser.driver.findElement(By.xpath("//th[contains(., 'SIREN')]")).click();
            browser.waitFor(d -> names(browser, "list:companies").equals(
                    List.of("Martin Traiteur SAS", "Garage Petit EURL", "Boulangerie Martin SARL")), "the new order");
            String sorted = browser.driver.findElement(By.xpath("//th[contains(., 'SIREN')]")).getAttribute("aria-sort");
            assertEquals("ascending", sorted, "the order is said, not only drawn");

            browser.open("/users/index.xhtml");
            search(browser, "lefevre", "resultCount", "Un utilisateur.");
            browser.waitFor(d -> browser.text(By.id("usersForm:users")).contains("Paul Lefèvre"), "Paul");
            search(browser, "LEA", "resultCount", "Un utilisateur.");
            browser.waitFor(d -> browser.text(By.id("usersForm:users")).contains("Léa Bernard"), "Léa");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
    }

    @Test
    void a_company_opens_on_its_four_menus_and_its_administrator_edits_it_field_by_field() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD).open("/companies/index.xhtml");
            browser.driver.findElement(By.linkText("Boulangerie Martin SARL")).click();
            browser.waitFor(ExpectedConditions.textToBe(By.id("siren"), "732829320"), "the company");

            browser.type("informations:vatNumber", "FR45732829320");
            browser.type("informations:postalCode", "6900");
            browser.type("informations:contactPhone", "04 78 00 00 09");
            browser.driver.findElement(By.id("informations:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("informations:vatNumberMsg"),
                    "ne correspond pas au SIREN"), "the VAT refused");
            assertTrue(browser.text(By.id("informations:postalCodeMsg")).contains("5 chiffres"));
            assertEquals("FR45732829320", browser.driver.findElement(By.id("informations:vatNumber")).getAttribute("value"),
                    "a refused field keeps what was typed");
            assertEquals("true", browser.driver.findElement(By.id("informations:vatNumber")).getAttribute("aria-invalid"));
            assertEquals("04 78 00 00 09", browser.driver.findElement(By.id("informations:contactPhone"))
                    .getAttribute("value"), "what was typed stays");
            browser.screenshot("claire-company-refused");

            browser.type("informations:vatNumber", "FR44732829320");
            browser.type("informations:postalCode", "69002");
            browser.driver.findElement(By.id("informations:save")).click();
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("informations:outcome"),
                    "ont été enregistrées"), "saved");
            browser.driver.navigate().refresh();
            assertEquals("+33478000009", browser.driver.findElement(By.id("informations:contactPhone")).getAttribute("value"));

            browser.driver.findElement(By.linkText("Applications")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("applications")), "the applications");
            String applications = browser.text(By.id("applications"));
            for (String name : List.of("Comptabilité", "Facturation", "Notes de frais", "Caisse")) {
                assertTrue(applications.contains(name), applications);
            }
            assertTrue(applications.contains("1 janvier 2025"), "dates in words: " + applications);

            browser.driver.findElement(By.linkText("Accès utilisateur")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("access")), "the access");
            assertTrue(browser.text(By.id("access")).contains("Paul Lefèvre Actif Comptabilité, Notes de frais"),
                    browser.text(By.id("access")));

            browser.driver.findElement(By.linkText("Factures")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("invoiceCount")), "the invoices");
            assertTrue(browser.text(By.id("invoiceCount")).matches("\\d+ factures\\."), browser.text(By.id("invoiceCount")));
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
    }

    @Test
    void a_firm_billed_company_is_read_only_for_the_client_and_another_clients_company_is_not_found() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD).open("/companies/index.xhtml");
            browser.driver.findElement(By.linkText("Martin Traiteur SAS")).click();
            browser.waitFor(ExpectedConditions.textToBe(By.id("billingMode"), "Par le cabinet comptable"), "the company");
            assertTrue(browser.text(By.id("readOnly")).contains("contactez votre comptable"));
            assertFalse(browser.present(By.id("informations:save")));
            assertEquals("true", browser.driver.findElement(By.id("informations:legalName")).getAttribute("readonly"));

            for (String id : List.of("32", "999999", "abc", "")) {
                browser.open("/companies/company.xhtml?id=" + id);
                assertTrue(browser.driver.getPageSource().contains("Page introuvable"), "id " + id);
            }
        }
    }

    @Test
    void access_to_services_lists_the_configured_applications_for_administrators_and_what_each_may_open_for_all()
            throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD).open("/account/informations.xhtml");
            browser.driver.findElement(By.id("menuServices")).click();
            browser.waitFor(ExpectedConditions.urlContains("/account/services.xhtml"), "the services");
            List<String> companies = browser.driver.findElements(By.cssSelector("main section[aria-label] h2")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("Boulangerie Martin SARL", "Martin Traiteur SAS"), companies);
            String page = browser.text(By.tagName("main"));
            assertTrue(page.contains("Documents") && page.contains("Caisse") && page.contains("En service"), page);
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn("paul.lefevre@boulangerie-martin.example", PASSWORD).open("/account/informations.xhtml");
            // Since issue 22 a user has the page too: what they may open, not what the account configures.
            browser.driver.findElement(By.id("menuServices")).click();
            browser.waitFor(ExpectedConditions.urlContains("/account/services.xhtml"), "the services");
            String page = browser.text(By.tagName("main"));
            assertTrue(page.contains("Mes applications") && page.contains("Comptabilité")
                    && page.contains("Notes de frais") && !page.contains("Applications configurées"), page);
            assertFalse(browser.present(By.cssSelector("main section[aria-label]")), "no configured applications");
        }
    }

    @Test
    void a_user_opens_on_informations_and_applications_within_scope_only() throws Exception {
        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            browser.signIn(CLAIRE, PASSWORD).open("/users/index.xhtml");
            search(browser, "lefevre", "resultCount", "Un utilisateur.");
            browser.waitFor(ExpectedConditions.elementToBeClickable(By.linkText("Paul Lefèvre")), "Paul").click();
            browser.waitFor(ExpectedConditions.textToBe(By.id("email"), "paul.lefevre@boulangerie-martin.example"), "Paul");
            assertEquals("Actif", browser.text(By.id("status")));
            browser.driver.findElement(By.linkText("Applications")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("access")), "his applications");
            String access = browser.text(By.id("access"));
            assertTrue(access.contains("Boulangerie Martin SARL") && access.contains("Comptabilité depuis le 1 janvier 2025 Accordé")
                    && access.contains("Notes de frais depuis le 1 mars 2025 Accordé")
                    && access.contains("Facturation depuis le 1 janvier 2025 Non accordé"), access);
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());

            // Emma (6) works for another client: not found, like an id that does not exist.
            for (String id : List.of("6", "999999", "x")) {
                browser.open("/users/user.xhtml?id=" + id);
                assertTrue(browser.driver.getPageSource().contains("Page introuvable"), "id " + id);
            }
        }
    }

    @Test
    void disabling_a_user_is_confirmed_stops_their_sign_in_and_spares_the_last_administrator() throws Exception {
        // A user of Boulangerie Martin made for this test: Paul, whom other tests sign in as, stays active.
        Fixtures.Person made = Fixtures.user(Fixtures.BOULANGERIE, "Paul", "Lefèvre", "FR", "boulangerie-martin.example");
        String paul = made.email();
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/users/user.xhtml?id=" + made.id());
            claire.driver.findElement(By.id("changeStatus:disable")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("confirmQuestion"),
                    "Désactiver le compte de " + made.name() + " ?"), "the question");
            assertEquals("changeStatus:confirm", claire.driver.switchTo().activeElement().getAttribute("id"), "focus on it");
            claire.driver.findElement(By.id("changeStatus:confirm")).click();
            claire.waitFor(ExpectedConditions.textToBe(By.id("status"), "Désactivé"), "disabled");
            try (Browser paulsBrowser = new Browser(portal, "fr-FR,fr")) {
                paulsBrowser.signInExpectingFailure(paul, PASSWORD);
            }
            claire.driver.findElement(By.id("changeStatus:enable")).click();
            claire.waitFor(ExpectedConditions.elementToBeClickable(By.id("changeStatus:confirm")), "the question").click();
            claire.waitFor(ExpectedConditions.textToBe(By.id("status"), "Actif"), "enabled again");
            try (Browser paulsBrowser = new Browser(portal, "fr-FR,fr")) {
                paulsBrowser.signIn(paul, PASSWORD);
            }
            assertTrue(claire.cspViolations().isEmpty(), claire.cspViolations().toString());
        }
        try (Browser marc = new Browser(portal, "fr-FR,fr")) {
            // Marc's firm bills Martin Traiteur, where Claire works: he may change her there, but she also belongs
            // to Boulangerie Martin, which he does not administer: no disabling her everywhere (issue 19), the page
            // says why and offers to remove her from his companies instead (not done here: TenantChangesIT does).
            marc.signIn("comptable@cabinet-durand.example", PASSWORD).open("/users/user.xhtml?id=3");
            assertFalse(marc.present(By.id("changeStatus:disable")), "no button to disable her everywhere");
            assertTrue(marc.text(By.id("beyondReach")).contains("entreprises que vous n'administrez pas"),
                    marc.text(By.id("beyondReach")));
            assertTrue(marc.present(By.id("changeStatus:remove")));
            assertTrue(List.of("Actif", "Active").contains(marc.text(By.id("status"))), "still active");
        }
    }

    private static void search(Browser browser, String text, String countId, String expectedCount) {
        browser.type("search:query", text);
        browser.driver.findElement(By.id("search:go")).click();
        browser.waitFor(ExpectedConditions.textToBe(By.id(countId), expectedCount), "the search for " + text);
    }

    /** The first cell of each row: the name (nothing while an Ajax answer is replacing the table). */
    private static List<String> names(Browser browser, String tableId) {
        try {
            List<WebElement> rows = browser.driver.findElements(
                    By.cssSelector("[id='" + tableId + "'] tbody tr td:first-child"));
            return rows.stream().map(cell -> cell.getText().strip()).filter(text -> !text.isEmpty()).toList();
        } catch (StaleElementReferenceException replaced) {
            return List.of();
        }
    }
}
