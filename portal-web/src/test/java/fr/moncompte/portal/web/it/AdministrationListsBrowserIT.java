package fr.moncompte.portal.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lists of "Entreprises" and "Utilisateurs" in Chromium: searched, sorted and paged by the database, within the
 * caller's scope, with the number of results announced.
 */
@ExtendWith(ArquillianExtension.class)
class AdministrationListsBrowserIT {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String OPS = "ops@moncompte.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalArchive.withTestClasses();
    }

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
            browser.waitFor(d -> names(browser, "list:companies").get(0).equals("Martin Traiteur SAS"), "the new order");
            assertEquals(List.of("Martin Traiteur SAS", "Garage Petit EURL", "Boulangerie Martin SARL"),
                    names(browser, "list:companies"));
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
