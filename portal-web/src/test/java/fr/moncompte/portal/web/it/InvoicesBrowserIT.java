package fr.moncompte.portal.web.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two "Factures" screens and the invoice page in Chromium, on the demo's twelve months of invoices: a client
 * administrator filters, sorts and downloads her account's invoices and never sees the firm-billed company's; the
 * firm sees those; an operator records a payment and a credit note on an invoice page, then runs a month from the
 * back-office and follows it to the end.
 */
@Order(110)
@RunAsClient
class InvoicesBrowserIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String OPS = "ops@moncompte.example";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String MARC = "comptable@cabinet-durand.example";
    static final YearMonth CURRENT = YearMonth.from(LocalDate.now());

    @ArquillianResource
    URL portal;

    @Test
    void a_client_administrator_filters_sorts_and_downloads_her_accounts_invoices() throws Exception {
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/account/invoices.xhtml");
            assertEquals("Factures", claire.text(By.tagName("h1")));
            assertEquals("page", claire.driver.findElement(By.id("menuInvoices")).getAttribute("aria-current"));

            // The demo's twelve months: twelve invoices of Boulangerie Martin and the credit note on one of them.
            choose(claire, "invoiceFilter:from", CURRENT.minusMonths(12).toString());
            choose(claire, "invoiceFilter:to", CURRENT.minusMonths(1).toString());
            apply(claire);
            claire.waitFor(ExpectedConditions.textToBe(By.id("invoiceCount"), "13 factures."), "13 rows");
            String table = claire.text(By.id("invoiceList:invoices"));
            assertTrue(table.contains("Boulangerie Martin SARL") && table.contains("Payée") && table.contains("En attente"),
                    table);
            assertFalse(table.contains("Martin Traiteur"), "firm-billed invoices go to the firm: " + table);
            claire.screenshot("invoices-claire");

            // A payment state: the refunded one, cancelled by its credit note, says so in words.
            new Select(claire.driver.findElement(By.id("invoiceFilter:paymentState"))).selectByVisibleText("Remboursée");
            apply(claire);
            claire.waitFor(ExpectedConditions.textToBe(By.id("invoiceCount"), "Une facture."), "one row");
            String refunded = claire.text(By.cssSelector("#invoiceList\\:invoices tbody tr"));
            assertTrue(refunded.contains("Annulée par avoir") && refunded.contains("Remboursée"), refunded);

            // A period backwards is refused on its field, and the choices stay as they were.
            choose(claire, "invoiceFilter:from", CURRENT.minusMonths(1).toString());
            choose(claire, "invoiceFilter:to", CURRENT.minusMonths(3).toString());
            apply(claire);
            claire.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("invoiceFilter:toMessage"),
                    "précède"), "the refusal");
            assertEquals(CURRENT.minusMonths(3).toString(),
                    new Select(claire.driver.findElement(By.id("invoiceFilter:to"))).getFirstSelectedOption()
                            .getAttribute("value"));

            // Sorted by total, the page asks the database for the order.
            claire.driver.findElement(By.id("invoiceFilter:clear")).click();
            claire.waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("invoiceCount"),
                    "Une facture.")), "every invoice again");
            claire.driver.findElement(By.xpath("//th[contains(., 'Total TTC')]")).click();
            claire.waitFor(d -> "ascending".equals(d.findElement(By.xpath("//th[contains(., 'Total TTC')]"))
                    .getAttribute("aria-sort")), "sorted");

            // The PDF behind the first link, fetched with the browser's session.
            WebElement link = claire.driver.findElement(By.cssSelector("a[id^='pdf-']"));
            assertTrue(link.getAttribute("aria-label").startsWith("Télécharger F"), link.getAttribute("aria-label"));
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(link.getAttribute("href")))
                    .header("Cookie", "JSESSIONID=" + claire.sessionCookie()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(claire.cspViolations().isEmpty(), claire.cspViolations().toString());
        }
    }

    @Test
    void a_companys_invoices_are_seen_by_the_account_that_receives_them() throws Exception {
        try (Browser claire = new Browser(portal, "fr-FR,fr")) {
            claire.signIn(CLAIRE, PASSWORD).open("/companies/company.xhtml?id=31&menu=invoices");
            assertTrue(claire.text(By.id("invoicesElsewhere")).contains("Cabinet Durand & Associés"),
                    claire.text(By.id("invoicesElsewhere")));
            assertEquals("Aucune facture.", claire.text(By.id("invoiceCount")));
        }
        try (Browser marc = new Browser(portal, "fr-FR,fr")) {
            marc.signIn(MARC, PASSWORD).open("/companies/company.xhtml?id=31&menu=invoices");
            assertFalse(marc.present(By.id("invoicesElsewhere")));
            choose(marc, "invoiceFilter:from", CURRENT.minusMonths(12).toString());
            apply(marc);
            marc.waitFor(ExpectedConditions.textToBe(By.id("invoiceCount"), "12 factures."), "12 rows");
            List<WebElement> late = marc.driver.findElements(By.cssSelector("span.badge[data-payment='OVERDUE']"));
            assertEquals(1, late.size(), "the demo's late invoice");
            assertEquals("En retard", late.get(0).getText());
            assertFalse(marc.present(By.xpath("//th[contains(., 'Entreprise')]")), "one company: no company column");
            marc.screenshot("invoices-firm-company");

            marc.open("/companies/company.xhtml?id=30&menu=invoices");
            assertTrue(marc.driver.getTitle().contains("introuvable") || marc.text(By.tagName("h1")).contains("introuvable"),
                    "a company outside the firm's scope: " + marc.driver.getTitle());
        }
    }

    @Test
    void an_operator_records_a_payment_and_a_credit_note_then_runs_a_month() throws Exception {
        try (Browser ops = new Browser(portal, "fr-FR,fr")) {
            ops.signIn(OPS, PASSWORD).open("/account/invoices.xhtml");
            new Select(ops.driver.findElement(By.id("invoiceFilter:company"))).selectByVisibleText("Boulangerie Martin SARL");
            choose(ops, "invoiceFilter:from", CURRENT.minusMonths(1).toString());
            choose(ops, "invoiceFilter:to", CURRENT.minusMonths(1).toString());
            apply(ops);
            ops.waitFor(ExpectedConditions.textToBe(By.id("invoiceCount"), "Une facture."), "last month's");
            ops.driver.findElement(By.cssSelector("a[id$=':open']")).click();

            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("invoiceHeading"), "Facture F"), "the page");
            assertEquals("En attente", ops.text(By.id("paymentState")));
            String seller = ops.text(By.id("seller"));
            assertTrue(seller.contains("Inexweb SAS") && seller.contains("SIREN 812345676") && seller.contains("€"), seller);
            assertTrue(ops.text(By.id("buyer")).contains("Boulangerie Martin SARL"));
            assertTrue(ops.text(By.cssSelector("#lines caption")).contains("hors taxes"));
            assertTrue(ops.text(By.id("terms")).contains("Pas d'escompte"));
            assertEquals(ops.text(By.id("totalIncludingVat")), ops.text(By.id("due")).replace("Reste à payer : ", ""));

            ops.setDate("payment:day", "2999-12-31");
            ops.driver.findElement(By.id("payment:pay")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("payment:dayMessage"), "futur"), "refused");
            ops.setDate("payment:day", LocalDate.now().toString());
            ops.type("payment:reference", "VIR-2026-42");
            ops.driver.findElement(By.id("payment:pay")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Paiement enregistré."), "paid");
            assertEquals("Payée", ops.text(By.id("paymentState")));
            assertTrue(ops.text(By.id("history")).contains("VIR-2026-42"));

            ops.type("credit:amount", "5,00");
            ops.driver.findElement(By.id("credit:issue")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("credit:reasonMessage"), "motif"), "reason");
            ops.type("credit:amount", "5,00");
            ops.type("credit:reason", "Geste commercial");
            ops.driver.findElement(By.id("credit:issue")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Avoir A"), "credited");
            assertTrue(ops.text(By.id("creditNotes")).contains("Geste commercial"), ops.text(By.id("creditNotes")));
            assertEquals("Émise", ops.text(By.id("state")), "a partial credit leaves the invoice issued");
            ops.screenshot("invoice-operator");

            // Both changes are in the audit log, newest first, with what they were about.
            ops.open("/operations/audit.xhtml");
            String log = ops.text(By.id("log:events"));
            assertTrue(log.contains("Avoir émis") && log.contains("Paiement enregistré")
                    && log.contains("Facture consultée par un opérateur"), log);

            ops.open("/operations/billing.xhtml");
            YearMonth month = CURRENT.minusMonths(16);
            choose(ops, "run:month", month.toString());
            ops.driver.findElement(By.id("run:start")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("run:outcome"), "lancée"), "started");
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("progressText"), "Terminée"),
                    "the run to end");
            assertTrue(ops.text(By.id("progressText")).startsWith("100 %"), ops.text(By.id("progressText")));
            assertEquals("100", ops.driver.findElement(By.id("bar")).getAttribute("value"));
            assertTrue(ops.text(By.id("runs:table")).contains("Terminée"));
            assertTrue(ops.cspViolations().isEmpty(), ops.cspViolations().toString());
        }
    }


    private static void choose(Browser browser, String id, String value) {
        new Select(browser.driver.findElement(By.id(id))).selectByValue(value);
    }

    private static void apply(Browser browser) {
        browser.driver.findElement(By.id("invoiceFilter:apply")).click();
        // The Ajax answer replaces the table; wait for it to settle before reading.
        browser.waitFor(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")) && Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()")), "the answer");
    }
}
