package fr.moncompte.portal.web.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' back-office in Chromium: an application added to the catalogue and refused field by field, its
 * price typed the French way; configured on a company, an overlapping period refused, an end date set; the audit log
 * filtered down to those changes; a help article answered by a client administrator and read by the operator.
 */
@Order(90)
@RunAsClient
class OperationsBrowserIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String OPS = "ops@moncompte.example";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";

    @ArquillianResource
    URL portal;

    @Test
    void an_operator_adds_an_application_configures_it_on_a_company_and_finds_it_in_the_audit_log() throws Exception {
        String code = "T" + (System.currentTimeMillis() % 1_000_000_000L);
        try (Browser ops = new Browser(portal, "fr-FR,fr")) {
            ops.signIn(OPS, PASSWORD).open("/operations/catalogue.xhtml");
            assertEquals("En vente", ops.text(By.cssSelector("span.badge[data-application='COMPTA']")));

            ops.driver.findElement(By.id("list:new")).click();
            ops.waitFor(ExpectedConditions.textToBe(By.id("editHeading"), "Nouvelle application"), "an empty form");
            ops.waitFor(d -> "application:code".equals(d.switchTo().activeElement().getAttribute("id")), "focus on it");
            ops.type("application:code", "t-1");
            ops.type("application:monthlyCompanyPrice", "douze");
            ops.driver.findElement(By.id("application:save")).click();
            ops.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("application:codeMsg")), "the refusals");
            assertTrue(ops.text(By.id("application:codeMsg")).contains("2 à 10 caractères"));
            assertTrue(ops.text(By.id("application:nameFrMsg")).contains("Saisissez le nom."));
            assertTrue(ops.text(By.id("application:monthlyCompanyPriceMsg")).contains("29,90"));
            ops.screenshot("ops-catalogue-refused");
            assertEquals("douze", ops.driver.findElement(By.id("application:monthlyCompanyPrice")).getAttribute("value"),
                    "what was typed stays");

            ops.type("application:code", code.toLowerCase());
            ops.type("application:nameFr", "Paie");
            ops.type("application:nameEn", "Payroll");
            ops.type("application:monthlyCompanyPrice", "12,50");
            ops.type("application:monthlySeatPrice", "3");
            ops.driver.findElement(By.id("application:save")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("application:outcome"),
                    "L'application " + code + " est créée."), "created");
            String row = ops.text(By.xpath("//tr[*[normalize-space()='" + code + "']]"));
            assertTrue(row.contains("Paie") && row.contains("Payroll") && row.contains("12,50") && row.contains("3,00"),
                    row);

            // Configured on Garage Petit from a day; the same application again over the same days is refused.
            ops.open("/companies/company.xhtml?id=32&menu=applications");
            configure(ops, code, "2026-12-01");
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions:outcome"),
                    "Paie est configurée sur l'entreprise à partir du 1 décembre 2026."), "configured");
            configure(ops, code, "2027-01-01");
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions:outcome"),
                    "chevauche"), "the overlap refused");

            ops.driver.findElement(By.cssSelector("button[data-application='" + code + "']")).click();
            ops.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("endQuestion")), "the end date form");
            ops.setDate("subscriptions:endDay", "2026-11-30");
            ops.driver.findElement(By.id("subscriptions:saveEnd")).click();
            ops.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("subscriptions:endDayMsg")), "refused");
            assertTrue(ops.text(By.id("subscriptions:endDayMsg")).contains("ne peut pas précéder"));
            ops.setDate("subscriptions:endDay", "2027-06-30");
            ops.driver.findElement(By.id("subscriptions:saveEnd")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions:outcome"),
                    "Paie se termine le 30 juin 2027."), "ended");

            // The audit log, filtered by actor and action, shows the configuration with its before and after.
            ops.open("/operations/audit.xhtml");
            ops.type("filter:actor", "OPS@moncompte.example");
            ops.type("filter:company", "542 065 479");
            new Select(ops.driver.findElement(By.id("filter:action"))).selectByValue("APPLICATION_CONFIGURATION_CHANGED");
            ops.driver.findElement(By.id("filter:apply")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("log:events"), "end=2027-06-30"),
                    "the event");
            assertTrue(ops.text(By.id("resultCount")).matches("(Un|\\d+) événements?\\."),
                    ops.text(By.id("resultCount")));
            assertTrue(ops.text(By.id("log:events")).contains("application=" + code));
            assertTrue(ops.text(By.id("log:events")).contains("Période d'une application configurée modifiée"),
                    "the action in words");
            ops.screenshot("ops-audit-log");
            assertFalse(ops.text(By.id("log:events")).contains("COMPANY_READ"), "only the action asked for");

            // What the trail cannot answer it says itself, and the page marks those fields, keeping what was typed.
            ops.type("filter:actor", "personne@nulle-part.example");
            ops.setDate("filter:from", "2026-03-02");
            ops.setDate("filter:to", "2026-03-01");
            ops.driver.findElement(By.id("filter:apply")).click();
            ops.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("filter:toMsg")), "the refusals");
            assertTrue(ops.text(By.id("filter:toMsg")).contains("La fin de la période précède son début."));
            assertTrue(ops.text(By.id("filter:actorMsg")).contains("Aucun compte n'a cette adresse"));
            assertEquals("personne@nulle-part.example",
                    ops.driver.findElement(By.id("filter:actor")).getAttribute("value"));

            // A malformed filter says so on its field and shows nothing.
            ops.type("filter:company", "123");
            ops.driver.findElement(By.id("filter:apply")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("filter:companyMsg"),
                    "Aucune entreprise n'a ce SIREN."), "refused");
            assertEquals("Aucun événement.", ops.text(By.id("resultCount")));
            assertTrue(ops.cspViolations().isEmpty(), ops.cspViolations().toString());
        }
    }

    @Test
    void the_api_explorer_draws_every_operation_for_operators_and_in_development_for_anyone() throws Exception {
        try (Browser ops = new Browser(portal, "en-GB,en")) {
            ops.signIn(OPS, PASSWORD).open("/operations/catalogue.xhtml");
            ops.driver.findElement(By.linkText("API")).click();
            ops.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#swagger-ui .opblock"), 40),
                    "Swagger UI draws the OpenAPI document");
            assertEquals("L'API du portail", ops.text(By.id("apiHeading")), "in the operator's language");
            String drawn = ops.text(By.id("swagger-ui"));
            for (String path : new String[] {"/api/v1/users/{id}/status", "/api/v1/billing-runs", "/api/v1/me/sessions",
                    "/api/v1/invoices/{id}/credit-notes", "/api/v1/audit-events"}) {
                assertTrue(drawn.contains(path), path);
            }
            assertEquals("page", ops.driver.findElement(By.linkText("API")).getAttribute("aria-current"));
            ops.screenshot("ops-api-explorer");
        }
        // The quick start and the tests run in development: the explorer opens without signing in.
        try (Browser visitor = new Browser(portal, "en-GB,en")) {
            visitor.open("/developers/api.xhtml");
            visitor.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#swagger-ui .opblock"),
                    40), "drawn without signing in");
            assertEquals("The portal's API", visitor.text(By.id("apiHeading")), "in the browser's language");
        }
    }

    @Test
    void a_help_article_is_answered_by_a_reader_and_the_answer_listed_for_operators() throws Exception {
        String comment = "Très clair, merci " + System.currentTimeMillis();
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/users/index.xhtml");
            claire.driver.findElement(By.id("help")).click();
            claire.waitFor(ExpectedConditions.textToBe(By.id("articleTitle"), "Aide : Utilisateurs"), "the article");
            assertTrue(claire.text(By.cssSelector("article")).contains("Le bouton rond +"));
            claire.driver.findElement(By.id("feedback:send")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback:helpfulMsg"),
                    "Répondez oui ou non."), "the answer is asked for");
            claire.driver.findElement(By.xpath("//label[normalize-space()='Oui']")).click();
            claire.type("feedback:comment", comment);
            claire.driver.findElement(By.id("feedback:send")).click();
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback:outcome"),
                    "Merci pour votre réponse."), "thanks");
            claire.screenshot("claire-help-answered");
            claire.open("/help/article.xhtml?topic=nope");
            assertTrue(claire.driver.getPageSource().contains("Page introuvable"));
            claire.open("/operations/feedback.xhtml");
            assertTrue(claire.driver.getPageSource().contains("Accès refusé") || claire.driver.getTitle().contains("403"),
                    "the back-office is for operators");
            assertTrue(claire.cspViolations().isEmpty(), claire.cspViolations().toString());
        }
        try (Browser ops = new Browser(portal, "fr-FR,fr")) {
            ops.signIn(OPS, PASSWORD).open("/operations/feedback.xhtml");
            assertTrue(ops.text(By.id("answers:list")).contains(comment), ops.text(By.id("answers:list")));
            String summary = ops.text(By.xpath("//table[@id='summary']//tr[th[contains(., 'Utilisateurs')]]"));
            assertFalse(summary.matches(".*Utilisateurs\\s+0\\s.*"), "at least one yes: " + summary);
        }
    }

    private static void configure(Browser ops, String code, String start) {
        new Select(ops.driver.findElement(By.id("subscriptions:code"))).selectByValue(code);
        ops.setDate("subscriptions:start", start);
        ops.driver.findElement(By.id("subscriptions:configure")).click();
    }
}
