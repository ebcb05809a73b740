package fr.moncompte.portal.web.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on (issue 22) against a relying party of the test's own on 127.0.0.1 (a callback and a back-channel
 * logout receiver), driven in Chromium: the code flow with PKCE, the ID token verified with the JWKS by Nimbus, and
 * the refusals: a redirect address not registered, PKCE missing or wrong, a code exchanged by another client or used
 * twice, a person without the access, an access revoked while signed in (refresh refused, logout received).
 */
@Order(130)
@RunAsClient
class SingleSignOnIT extends DeployedPortal {

    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String NDF = "ndf-demo";
    static final String COMPTA = "compta-demo";

    @ArquillianResource
    URL portal;

    private static HttpServer relyingParty;
    private static final BlockingQueue<Map<String, String>> CALLBACKS = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> LOGOUTS = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startRelyingParty() throws Exception {
        relyingParty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relyingParty.createContext("/callback", exchange -> {
            CALLBACKS.add(query(exchange.getRequestURI().getRawQuery()));
            byte[] body = "signed in".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        relyingParty.createContext("/backchannel-logout", exchange -> {
            LOGOUTS.add(query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII))
                    .get("logout_token"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        relyingParty.start();
    }

    @AfterAll
    static void stopRelyingParty() {
        relyingParty.stop(0);
    }

    private String callback() {
        return "http://127.0.0.1:" + relyingParty.getAddress().getPort() + "/callback";
    }

    @Test
    void a_person_signs_in_to_an_application_then_the_refusals_and_the_logout_when_the_access_is_revoked()
            throws Exception {
        String base = Browser.loopback(portal).toString().replaceAll("/$", "");
        OIDCProviderMetadata discovered = OIDCProviderMetadata.parse(
                http.send(get(base + "/.well-known/openid-configuration"), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(List.of(CodeChallengeMethod.S256), discovered.getCodeChallengeMethods());
        assertTrue(discovered.supportsBackChannelLogout());
        JWKSet jwks = JWKSet.parse(http.send(get(base + "/.well-known/jwks.json"),
                HttpResponse.BodyHandlers.ofString()).body());

        // The operator points the application's back-channel logout at this relying party, and makes a new secret.
        String secret;
        try (Browser ops = new Browser(portal, "fr-FR,fr")) {
            ops.signIn(AdministrationListsBrowserIT.OPS, AccessBrowserIT.PASSWORD).open("/operations/signon.xhtml");
            ops.driver.findElement(By.cssSelector("button[id$='edit'][data-application='NDF']")).click();
            ops.waitFor(ExpectedConditions.elementToBeClickable(By.id("client:backchannelLogoutUri")), "the form");
            ops.type("client:redirectUris", "http://127.0.0.1/callback\nhttp://evil.example/callback#x");
            ops.driver.findElement(By.id("client:save")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("client:redirectUrisMsg"),
                    "Adresse invalide"), "the refused address, said");
            ops.type("client:redirectUris", "http://127.0.0.1/callback");
            ops.type("client:backchannelLogoutUri", "http://127.0.0.1:" + relyingParty.getAddress().getPort()
                    + "/backchannel-logout");
            ops.driver.findElement(By.id("client:save")).click();
            ops.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("client:outcome"),
                    "Le client ndf-demo est enregistré."), "saved");
            ops.driver.findElement(By.id("client:newSecret")).click();
            secret = ops.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("secretValue")), "the secret")
                    .getText().strip();
            assertEquals(43, secret.length(), secret);
        }
        assertEquals(401, token(NDF, "ndf-demo-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", "x")).statusCode(), "the old secret stopped working");

        Fixtures.Person person = Fixtures.user(Fixtures.BOULANGERIE, "Sophie", "Unique", "FR", "sso.example");
        Api api = new Api(portal);
        String claire = api.token(CLAIRE, AccessBrowserIT.PASSWORD);
        String grant = "/api/v1/users/" + person.id() + "/access/" + Fixtures.BOULANGERIE + "/NDF";
        assertEquals(204, api.send(claire, "PUT", grant, null).statusCode());

        try (Browser browser = new Browser(portal, "fr-FR,fr")) {
            // Not signed in: the portal's sign-in, then back to the application with a code.
            CodeVerifier verifier = new CodeVerifier();
            String state = UUID.randomUUID().toString();
            browser.driver.get(authorize(base, NDF, callback(), verifier, state, "n-1"));
            browser.waitFor(ExpectedConditions.urlContains("/login.xhtml"), "the sign-in page");
            browser.type("signIn:email", person.email());
            browser.type("signIn:password", AccessBrowserIT.PASSWORD);
            browser.driver.findElement(By.id("signIn:submit")).click();
            Map<String, String> answer = CALLBACKS.poll(20, TimeUnit.SECONDS);
            assertNotNull(answer, "the application got its answer");
            assertEquals(state, answer.get("state"));
            assertEquals(discovered.getIssuer().getValue(), answer.get("iss"));
            String code = answer.get("code");

            // Refusals that leave the code alone: another client, no verifier, a wrong one, another redirect.
            Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", callback(), "code_verifier", verifier.getValue());
            assertInvalidGrant(token(COMPTA, "compta-demo-secret", exchange));
            assertInvalidGrant(token(NDF, secret, without(exchange, "code_verifier")));
            assertInvalidGrant(token(NDF, secret, with(exchange, "code_verifier", new CodeVerifier().getValue())));
            assertInvalidGrant(token(NDF, secret, with(exchange, "redirect_uri", callback() + "/other")));
            assertEquals(401, token(NDF, "wrong-secret", exchange).statusCode());

            HttpResponse<String> granted = token(NDF, secret, exchange);
            assertEquals(200, granted.statusCode(), granted.body());
            JsonObject tokens = Jwts.json(granted.body());
            JWTClaimsSet id = verified(jwks, tokens.getString("id_token"));
            assertEquals(List.of(NDF), id.getAudience());
            assertEquals(String.valueOf(person.id()), id.getSubject());
            assertEquals("n-1", id.getStringClaim("nonce"));
            assertEquals(person.email(), id.getStringClaim("email"));
            assertEquals("Sophie", id.getStringClaim("given_name"));
            assertEquals("fr", id.getStringClaim("locale"));
            Map<String, Object> company = id.getJSONObjectClaim("company");
            assertEquals(Fixtures.BOULANGERIE, ((Number) company.get("id")).longValue());
            assertEquals("Boulangerie Martin SARL", company.get("name"));
            assertEquals("USER", company.get("role"));
            assertNotNull(company.get("siren"));
            String sid = id.getStringClaim("sid");
            HttpResponse<String> userinfo = userinfo(base, tokens.getString("access_token"));
            assertEquals(200, userinfo.statusCode(), userinfo.body());
            assertTrue(userinfo.body().contains("\"siren\""), userinfo.body());

            // The same code again: refused, and the sign-in it gave ends (refresh refused, logout sent).
            assertInvalidGrant(token(NDF, secret, exchange));
            assertInvalidGrant(token(NDF, secret, Map.of("grant_type", "refresh_token",
                    "refresh_token", tokens.getString("refresh_token"))));
            assertEquals(sid, logoutSid(jwks, person.id()));

            // Signed in already: straight back with a new code; the refresh token rotates.
            verifier = new CodeVerifier();
            browser.driver.get(authorize(base, NDF, callback(), verifier, "s-2", "n-2"));
            answer = CALLBACKS.poll(20, TimeUnit.SECONDS);
            assertNotNull(answer);
            tokens = Jwts.json(token(NDF, secret, Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                    "redirect_uri", callback(), "code_verifier", verifier.getValue())).body());
            HttpResponse<String> refreshed = token(NDF, secret, Map.of("grant_type", "refresh_token",
                    "refresh_token", tokens.getString("refresh_token")));
            assertEquals(200, refreshed.statusCode(), refreshed.body());
            String nextRefresh = Jwts.json(refreshed.body()).getString("refresh_token");
            assertNotEquals(tokens.getString("refresh_token"), nextRefresh);
            String access = Jwts.json(refreshed.body()).getString("access_token");

            // The services page offers the application, with its sign-in address and the company as a hint.
            browser.open("/account/services.xhtml");
            String href = browser.driver.findElement(By.cssSelector("li[data-application='NDF'] a")).getAttribute("href");
            assertTrue(href.startsWith("http://127.0.0.1:8091/ndf/login?iss=") && href.endsWith("company_hint="
                    + Fixtures.BOULANGERIE), href);

            // The access is revoked while signed in: the application is told, the refresh token and access die.
            assertEquals(204, api.send(claire, "DELETE", grant, null).statusCode());
            assertNotNull(logoutSid(jwks, person.id()), "a back-channel logout for the revoked access");
            assertInvalidGrant(token(NDF, secret, Map.of("grant_type", "refresh_token", "refresh_token", nextRefresh)));
            assertEquals(401, userinfo(base, access).statusCode());

            // Without the access: the portal says why and who can grant it, then tells the application.
            browser.driver.get(authorize(base, NDF, callback(), new CodeVerifier(), "s-3", "n-3"));
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("deniedHeading"),
                    "Vous n'avez pas accès à Notes de frais"), "the refusal");
            assertTrue(browser.text(By.id("granters")).contains("Claire Martin"), browser.text(By.id("granters")));
            browser.screenshot("sso-denied");
            browser.driver.findElement(By.id("toApplication")).click();
            answer = CALLBACKS.poll(20, TimeUnit.SECONDS);
            assertNotNull(answer);
            assertEquals("access_denied", answer.get("error"));
            assertEquals("s-3", answer.get("state"));

            // A redirect address not registered: the portal's own page, no redirect to it.
            browser.driver.get(authorize(base, NDF, "http://evil.example/callback", new CodeVerifier(), "s-4", "n"));
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"),
                    "n'est pas enregistrée"), "the refusal of the address");
            assertTrue(browser.driver.getCurrentUrl().startsWith(base), browser.driver.getCurrentUrl());
        }

        // PKCE missing or plain: refused back to the application, before anyone signs in.
        HttpResponse<String> noPkce = http.send(get(authorize(base, NDF, callback(), null, "s-5", "n")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, noPkce.statusCode());
        String location = noPkce.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(callback() + "?") && location.contains("error=invalid_request")
                && location.contains("state=s-5"), location);
    }

    @Test
    void with_the_access_in_two_companies_the_person_chooses_and_the_token_names_that_company() throws Exception {
        String base = Browser.loopback(portal).toString().replaceAll("/$", "");
        JWKSet jwks = JWKSet.parse(http.send(get(base + "/.well-known/jwks.json"),
                HttpResponse.BodyHandlers.ofString()).body());
        try (Browser claire = new Browser(portal, "en-GB,en")) {
            claire.signIn(CLAIRE, AccessBrowserIT.PASSWORD);
            CodeVerifier verifier = new CodeVerifier();
            claire.driver.get(authorize(base, COMPTA, callback(), verifier, "c-1", "n"));
            claire.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "a[data-company='" + Fixtures.TRAITEUR + "']")), "the company choice").click();
            Map<String, String> answer = CALLBACKS.poll(20, TimeUnit.SECONDS);
            assertNotNull(answer);
            HttpResponse<String> granted = token(COMPTA, "compta-demo-secret", Map.of("grant_type",
                    "authorization_code", "code", answer.get("code"), "redirect_uri", callback(),
                    "code_verifier", verifier.getValue()));
            assertEquals(200, granted.statusCode(), granted.body());
            Map<String, Object> company = verified(jwks, Jwts.json(granted.body()).getString("id_token"))
                    .getJSONObjectClaim("company");
            assertEquals(Fixtures.TRAITEUR, ((Number) company.get("id")).longValue());
            assertEquals("CLIENT_ADMIN", company.get("role"));
        }
    }

    private String logoutSid(JWKSet jwks, long subject) throws Exception {
        String token = LOGOUTS.poll(30, TimeUnit.SECONDS);
        assertNotNull(token, "a back-channel logout received");
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals("logout+jwt", jwt.getHeader().getType().getType());
        JWTClaimsSet claims = verified(jwks, token);
        assertEquals(String.valueOf(subject), claims.getSubject());
        assertTrue(claims.getJSONObjectClaim("events").containsKey("http://schemas.openid.net/event/backchannel-logout"));
        return claims.getStringClaim("sid");
    }

    private static JWTClaimsSet verified(JWKSet jwks, String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the JWKS publishes the key that signed it");
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signature");
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(Instant.now()));
        return jwt.getJWTClaimsSet();
    }

    private static String authorize(String base, String client, String redirect, CodeVerifier verifier, String state,
                                    String nonce) {
        String pkce = verifier == null ? "" : "&code_challenge_method=S256&code_challenge="
                + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        return base + "/oidc/authorize?response_type=code&scope=openid%20profile%20email&client_id=" + client
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&state=" + state
                + "&nonce=" + nonce + pkce;
    }

    private HttpResponse<String> token(String client, String secret, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).reduce((a, b) -> a + "&" + b).orElse("");
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(Browser.loopback(portal).toString()
                                .replaceAll("/$", "") + "/oidc/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> userinfo(String base, String accessToken) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/oidc/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalidGrant(HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("invalid_grant", Jwts.json(answer.body()).getString("error"), answer.body());
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20)).build();
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> changed = new HashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> without(Map<String, String> form, String name) {
        Map<String, String> changed = new HashMap<>(form);
        changed.remove(name);
        return changed;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }
}
