package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 in Chromium: adding an authenticator app in Mon compte › Sécurité (the QR code drawn in the page, the key
 * as text, the ten recovery codes once), then the code page after the password, under the content security policy.
 */
@Order(129)
@RunAsClient
class SecondFactorBrowserIT extends DeployedPortal {

    private static final TotpCodes CODES = new TotpCodes();

    @ArquillianResource
    URL portal;

    @Test
    void an_app_added_in_security_is_asked_for_at_the_next_sign_in() throws Exception {
        Fixtures.Person noemie = Fixtures.user(IsolationMatrixIT.BOULANGERIE, "Noémie", "Navigateur", "EN",
                "second.it.example");
        try (Browser browser = new Browser(portal, "en-GB,en")) {
            browser.signIn(noemie.email(), People.PASSWORD).open("/account/security.xhtml");
            assertTrue(browser.text(By.id("secondFactorHeading")).contains("Two-step verification"));
            browser.driver.findElement(By.id("enrol:start")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("secret")), "the key");
            WebElement qr = browser.driver.findElement(By.cssSelector(".qr[role='img'] svg"));
            assertTrue(qr.getSize().getWidth() >= 150, "the QR code is drawn: " + qr.getSize());
            assertTrue(browser.driver.findElement(By.cssSelector(".qr[role='img']")).getAttribute("aria-label")
                    .contains("QR code"), "it says in words what it is");
            byte[] secret = TotpCodes.fromBase32(browser.text(By.id("secret")));
            browser.type("enrol:name", "Noémie's phone");
            browser.type("enrol:code", CODES.codeAt(secret, TotpCodes.stepAt(Instant.now())));
            browser.type("enrol:password", People.PASSWORD);
            browser.driver.findElement(By.id("enrol:confirm")).click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".recovery-codes")),
                    "the recovery codes");
            List<WebElement> codes = browser.driver.findElements(By.cssSelector(".recovery-codes li"));
            assertEquals(10, codes.size());
            assertTrue(browser.text(By.id("factors:list")).contains("Noémie's phone"));
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
            browser.screenshot("second-factor-added");

            browser.forgetSession();
            browser.open("/login.xhtml");
            browser.type("signIn:email", noemie.email());
            browser.type("signIn:password", People.PASSWORD);
            browser.driver.findElement(By.id("signIn:submit")).click();
            browser.waitFor(ExpectedConditions.urlContains("/login-code.xhtml"), "the code page");
            assertEquals("en", browser.htmlLang());
            assertEquals("one-time-code", browser.driver.findElement(By.id("code:value")).getAttribute("autocomplete"));
            browser.type("code:value", CODES.codeAt(secret, TotpCodes.stepAt(Instant.now()) + 1));
            browser.driver.findElement(By.id("code:submit")).click();
            browser.waitFor(ExpectedConditions.urlContains("/account/informations.xhtml"), "signed in");
            assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
        }
    }
}
