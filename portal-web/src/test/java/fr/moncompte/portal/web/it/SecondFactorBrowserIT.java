package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

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

    /**
     * A passkey through Chromium's virtual authenticator (the DevTools WebAuthn domain, as a platform authenticator
     * with user verification): added in Sécurité, then used alone on the sign-in page ("Se connecter avec une clé
     * d'accès", nothing typed), then as the second step after the password.
     */
    @Test
    void a_passkey_added_in_security_signs_in_alone_and_after_the_password() throws Exception {
        Fixtures.Person paulin = Fixtures.user(IsolationMatrixIT.BOULANGERIE, "Paulin", "Passkey", "FR",
                "second.it.example");
        try (Browser browser = Browser.onLocalhost(portal, "fr-FR,fr")) {
            HasVirtualAuthenticator webAuthn = (HasVirtualAuthenticator) browser.driver;
            VirtualAuthenticator authenticator = webAuthn.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
            try {
                browser.signIn(paulin.email(), People.PASSWORD).open("/account/security.xhtml");
                browser.type("passkey:name", "Ordinateur de Paulin");
                browser.type("passkey:password", People.PASSWORD);
                browser.driver.findElement(By.id("passkey:start")).click();
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".recovery-codes")),
                        "the passkey added, with the recovery codes");
                assertEquals(10, browser.driver.findElements(By.cssSelector(".recovery-codes li")).size());
                String listed = browser.text(By.id("factors:list"));
                assertTrue(listed.contains("Ordinateur de Paulin") && listed.contains("Clé d'accès"), listed);
                List<Credential> held = authenticator.getCredentials();
                assertEquals(1, held.size(), "one passkey made by the authenticator");
                assertTrue(held.get(0).isResidentCredential(), "discoverable: it signs in alone");
                assertEquals("localhost", held.get(0).getRpId());
                assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
                browser.screenshot("passkey-added");

                // Alone: nothing typed.
                browser.forgetSession();
                browser.open("/login.xhtml");
                assertEquals("Se connecter avec une clé d'accès", browser.text(By.id("passkey:start")));
                browser.driver.findElement(By.id("passkey:start")).click();
                browser.waitFor(ExpectedConditions.urlContains("/account/informations.xhtml"), "signed in by passkey");
                assertTrue(browser.driver.getPageSource().contains(paulin.email()), "as Paulin");
                int signCount = authenticator.getCredentials().get(0).getSignCount();
                assertTrue(signCount >= 1, "the authenticator signed: " + signCount);

                // After the password, instead of a code.
                browser.forgetSession();
                browser.open("/login.xhtml");
                browser.type("signIn:email", paulin.email());
                browser.type("signIn:password", People.PASSWORD);
                browser.driver.findElement(By.id("signIn:submit")).click();
                browser.waitFor(ExpectedConditions.urlContains("/login-code.xhtml"), "the second step");
                browser.driver.findElement(By.id("passkeyStep:start")).click();
                browser.waitFor(ExpectedConditions.urlContains("/account/informations.xhtml"), "second step by passkey");
                assertTrue(authenticator.getCredentials().get(0).getSignCount() > signCount, "signed again");
                browser.open("/account/security.xhtml");
                assertTrue(!browser.text(By.id("factors:list")).contains("Jamais"), "its last use is shown");
                assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
            } finally {
                webAuthn.removeVirtualAuthenticator(authenticator);
            }
        }
    }

    /** A roaming authenticator (a USB security key) in English: added, then used as the second step. */
    @Test
    void a_security_key_serves_as_the_second_step() throws Exception {
        Fixtures.Person rosa = Fixtures.user(IsolationMatrixIT.BOULANGERIE, "Rosa", "Roaming", "EN",
                "second.it.example");
        try (Browser browser = Browser.onLocalhost(portal, "en-GB,en")) {
            HasVirtualAuthenticator webAuthn = (HasVirtualAuthenticator) browser.driver;
            VirtualAuthenticator key = webAuthn.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                    .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
            try {
                browser.signIn(rosa.email(), People.PASSWORD).open("/account/security.xhtml");
                browser.type("passkey:name", "Blue security key");
                browser.type("passkey:password", People.PASSWORD);
                browser.driver.findElement(By.id("passkey:start")).click();
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".recovery-codes")),
                        "the security key added");
                assertTrue(browser.text(By.id("factors:list")).contains("Blue security key"));
                assertEquals(1, key.getCredentials().size());

                browser.forgetSession();
                browser.open("/login.xhtml");
                browser.type("signIn:email", rosa.email());
                browser.type("signIn:password", People.PASSWORD);
                browser.driver.findElement(By.id("signIn:submit")).click();
                browser.waitFor(ExpectedConditions.urlContains("/login-code.xhtml"), "the second step");
                assertEquals("Use a passkey", browser.text(By.id("passkeyStep:start")));
                browser.driver.findElement(By.id("passkeyStep:start")).click();
                browser.waitFor(ExpectedConditions.urlContains("/account/informations.xhtml"), "in with the key");
                assertTrue(browser.cspViolations().isEmpty(), browser.cspViolations().toString());
            } finally {
                webAuthn.removeVirtualAuthenticator(key);
            }
        }
    }
}
