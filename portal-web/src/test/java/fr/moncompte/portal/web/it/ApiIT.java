package fr.moncompte.portal.web.it;

import fr.moncompte.portal.billing.payment.control.NoticeSignature;
import fr.moncompte.portal.domain.token.SigningKeys;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API over HTTP as the vendor's applications use it (SPEC §7): tokens and their verification by
 * MicroProfile JWT, each resource for each role, the isolation matrix of the access issue repeated over the API,
 * forged tokens, problem+json in the caller's language, and payments retried at once under one idempotency key.
 */
@Order(120)
@RunAsClient
class ApiIT extends DeployedPortal {

    static final String PASSWORD = IsolationMatrixIT.PASSWORD;
    static final String CLAIRE = IsolationMatrixIT.CLAIRE;
    static final String OMAR = IsolationMatrixIT.OMAR;
    static final String MARC = IsolationMatrixIT.MARC;
    static final String PAUL = IsolationMatrixIT.PAUL;
    static final String OPS = IsolationMatrixIT.OPS;
    static final String LUC = "luc.petit@garage-petit.example";
    static final long BOULANGERIE = IsolationMatrixIT.BOULANGERIE;
    static final long TRAITEUR = IsolationMatrixIT.TRAITEUR;
    static final long GARAGE = IsolationMatrixIT.GARAGE;
    /** A month no other test class bills (every class runs against the same portal and database). */
    static final YearMonth MONTH = YearMonth.from(LocalDate.now()).minusMonths(18);
    /** The payment provider's shared secret in the tests' configuration (pom.xml). */
    static final String PROVIDER_SECRET = "it-provider-secret";
    /** Rounds of one key sent for two invoices at once: enough for several to meet on the key's index. */
    static final int ROUNDS = 12;

    final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    URL portal;

    @Test
    void a_token_carries_the_microprofile_claims_and_the_applications_by_company_and_verifies_against_the_jwks()
            throws Exception {
        HttpResponse<String> answer = tokenRequest(CLAIRE, PASSWORD, "fr");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse("").split(",")[0].strip());
        JsonObject issued = Jwts.json(answer.body());
        assertEquals("Bearer", issued.getString("token_type"));
        assertEquals(900, issued.getInt("expires_in"));
        String[] parts = issued.getString("access_token").split("\\.");
        JsonObject header = Jwts.decode(parts[0]);
        JsonObject claims = Jwts.decode(parts[1]);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("3", claims.getString("sub"));
        assertEquals("3", claims.getString("upn"), "the account id, as the pages' principal");
        assertEquals(Set.of("USER", "CLIENT_ADMIN"), strings(claims.getJsonArray("groups")));
        assertEquals(900, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
        assertTrue(Math.abs(claims.getJsonNumber("iat").longValue() - Instant.now().getEpochSecond()) < 60);
        assertFalse(claims.getString("jti").isBlank());
        assertEquals("http://localhost:8080/", claims.getString("iss"));
        assertEquals(CLAIRE, claims.getString("email"));
        assertEquals(Map.of(BOULANGERIE, Set.of("COMPTA", "FACTU"), TRAITEUR, Set.of("COMPTA")),
                applicationsByCompany(claims.getJsonArray("companies")));

        // The JWKS publishes the key that signed it (found by kid), and the previous key of the rotation beside it.
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(uri("/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, jwks.statusCode());
        JsonArray keys = Jwts.json(jwks.body()).getJsonArray("keys");
        assertEquals(2, keys.size(), jwks.body());
        assertEquals(header.getString("kid"), keys.getJsonObject(0).getString("kid"));
        assertEquals(Jwts.kid(SigningKeys.readPrivateKey(Jwts.PREVIOUS_KEY)), keys.getJsonObject(1).getString("kid"));
        JsonObject jwk = keys.getJsonObject(0);
        var publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "the published key verifies the token");

        // The resources know the caller by it: roles from its groups, applications from the access the pages show.
        JsonObject me = Jwts.json(get(issued.getString("access_token"), "/api/v1/me").body());
        assertEquals(3, me.getInt("id"));
        assertEquals(Set.of("USER", "CLIENT_ADMIN"), strings(me.getJsonArray("roles")));
    }

    @Test
    void each_resource_answers_each_role_as_the_pages_do() throws Exception {
        String claire = token(CLAIRE);
        String paul = token(PAUL);
        String marc = token(MARC);
        String ops = token(OPS);
        String luc = token(LUC);
        long garageInvoice = firstInvoice(ops, GARAGE);

        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/me", "/api/v1/me/notification-preferences", "/api/v1/notifications")) {
            expected.put("paul GET " + path, 200);
            expected.put("claire GET " + path, 200);
            expected.put("ops GET " + path, 200);
        }
        for (String path : List.of("/api/v1/companies", "/api/v1/companies/" + BOULANGERIE,
                "/api/v1/companies/" + BOULANGERIE + "/applications", "/api/v1/companies/" + BOULANGERIE + "/users",
                "/api/v1/companies/" + BOULANGERIE + "/invoices", "/api/v1/users/4")) {
            expected.put("paul GET " + path, 403);
            expected.put("claire GET " + path, 200);
            expected.put("ops GET " + path, 200);
        }
        expected.put("paul GET /api/v1/invoices/" + garageInvoice, 403);
        expected.put("luc GET /api/v1/invoices/" + garageInvoice, 200);
        expected.put("ops GET /api/v1/invoices/" + garageInvoice, 200);
        expected.put("marc GET /api/v1/companies/" + TRAITEUR, 200);
        expected.put("marc GET /api/v1/companies/" + TRAITEUR + "/users", 200);
        expected.put("marc GET /api/v1/companies/" + TRAITEUR + "/invoices", 200);
        expected.put("marc GET /api/v1/users/14", 200);
        expected.put("omar GET /api/v1/companies/" + GARAGE, 200);
        expected.put("omar GET /api/v1/invoices/" + garageInvoice, 200);
        String omar = token(OMAR);
        Map<String, String> tokens = Map.of("paul", paul, "claire", claire, "marc", marc, "ops", ops, "luc", luc,
                "omar", omar);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String call : expected.keySet()) {
            String[] words = call.split(" ");
            HttpResponse<String> answer = get(tokens.get(words[0]), words[2]);
            seen.put(call, answer.statusCode());
            if (answer.statusCode() >= 400) {
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("")
                        .split(";")[0], call);
            }
        }
        assertEquals(expected, seen);

        // What each sees: their own scope, paged with a total.
        JsonObject claires = Jwts.json(get(claire, "/api/v1/companies").body());
        assertEquals(2, claires.getInt("total"));
        assertEquals(List.of(BOULANGERIE, TRAITEUR), ids(claires.getJsonArray("items")));
        JsonObject marcs = Jwts.json(get(marc, "/api/v1/companies").body());
        assertTrue(ids(marcs.getJsonArray("items")).contains(TRAITEUR));
        assertFalse(ids(marcs.getJsonArray("items")).contains(BOULANGERIE), "the firm's portfolio only");
        JsonObject opsPage = Jwts.json(get(ops, "/api/v1/companies?page=1&size=1").body());
        assertEquals(1, opsPage.getJsonArray("items").size());
        assertTrue(opsPage.getInt("total") >= 3, "operators see every tenant");
        JsonObject users = Jwts.json(get(claire, "/api/v1/companies/" + BOULANGERIE + "/users?size=2").body());
        assertEquals(2, users.getJsonArray("items").size());
        assertTrue(users.getInt("total") > 2);
        assertTrue(get(claire, "/api/v1/companies/" + BOULANGERIE + "/applications").body().contains("\"COMPTA\""));

        // The invoice's PDF, and the operators' rules: they read, they change no access and create nobody.
        HttpResponse<byte[]> pdf = http.send(authorized(luc, "/api/v1/invoices/" + garageInvoice + "/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(403, send(ops, "PUT", "/api/v1/users/13/access/" + BOULANGERIE + "/CAISSE", null).statusCode());
        assertEquals(403, send(ops, "POST", "/api/v1/users", newUser("ops", BOULANGERIE)).statusCode());
        assertEquals(403, send(paul, "POST", "/api/v1/payments", "{}", "Idempotency-Key", "paul-1").statusCode());

        // The firm administers the access of its portfolio's people, which the client may only read.
        String victor = "/api/v1/users/14/access/" + TRAITEUR + "/GED";
        assertEquals(403, send(claire, "PUT", victor, null).statusCode());
        assertEquals(204, send(marc, "PUT", victor, null).statusCode());
        assertTrue(granted(marc, 14, TRAITEUR, "GED"));
        assertEquals(204, send(marc, "DELETE", victor, null).statusCode());
        assertFalse(granted(marc, 14, TRAITEUR, "GED"));
    }

    @Test
    void no_role_of_any_tenant_reaches_another_tenants_companies_people_invoices_or_notifications() throws Exception {
        String ops = token(OPS);
        Map<Long, String> before = new TreeMap<>();
        for (long user : List.of(3L, 4L, 6L, 13L, 14L, 15L)) {
            before.put(user, get(ops, "/api/v1/users/" + user).body());
        }
        List<String> leaks = new ArrayList<>();
        for (String admin : List.of(CLAIRE, OMAR, MARC)) {
            String token = token(admin);
            for (long company : IsolationMatrixIT.FOREIGN_COMPANIES.get(admin)) {
                for (String path : List.of("", "/applications", "/users", "/invoices")) {
                    expect(404, get(token, "/api/v1/companies/" + company + path), admin + " " + company + path,
                            leaks);
                }
                String invoice = company == 999_999L ? "999999" : Long.toString(firstInvoice(ops, company));
                expect(404, get(token, "/api/v1/invoices/" + invoice), admin + " invoice " + invoice, leaks);
                expect(404, get(token, "/api/v1/invoices/" + invoice + "/pdf"), admin + " pdf " + invoice, leaks);
            }
            for (Map.Entry<Long, Long> user : IsolationMatrixIT.FOREIGN_USERS.get(admin).entrySet()) {
                String access = "/api/v1/users/" + user.getKey() + "/access/" + user.getValue() + "/COMPTA";
                expect(404, get(token, "/api/v1/users/" + user.getKey()), admin + " user " + user.getKey(), leaks);
                expect(404, send(token, "PUT", access, null), admin + " PUT " + access, leaks);
                expect(404, send(token, "DELETE", access, null), admin + " DELETE " + access, leaks);
            }
            expect(404, send(token, "POST", "/api/v1/users", newUser("foreign",
                    IsolationMatrixIT.FOREIGN_COMPANIES.get(admin).get(0))), admin + " POST /users elsewhere", leaks);
        }
        // Someone else's notification is as unknown as a missing one.
        String claire = token(CLAIRE);
        JsonArray mine = Jwts.json(get(claire, "/api/v1/notifications").body()).getJsonArray("items");
        assertFalse(mine.isEmpty(), "Claire has notifications in the demo data");
        long hers = mine.getJsonObject(0).getJsonNumber("id").longValue();
        expect(404, send(token(OMAR), "POST", "/api/v1/notifications/" + hers + "/read", null), "Omar reads Claire's",
                leaks);
        assertEquals(List.of(), leaks);
        for (Map.Entry<Long, String> user : before.entrySet()) {
            assertEquals(user.getValue(), get(ops, "/api/v1/users/" + user.getKey()).body(), "nothing changed");
        }

        // Inside the scope, the rules of the pages: firm-billed read-only for the client, configured applications.
        HttpResponse<String> readOnly = send(claire, "PUT", "/api/v1/users/14/access/" + TRAITEUR + "/GED", null);
        assertEquals(403, readOnly.statusCode());
        assertEquals("access.readOnly", Jwts.json(readOnly.body()).getString("code"));
        HttpResponse<String> notConfigured = send(claire, "PUT", "/api/v1/users/13/access/" + BOULANGERIE + "/NOPE",
                null);
        assertEquals(422, notConfigured.statusCode());
        assertEquals("access.notConfigured", Jwts.json(notConfigured.body()).getString("code"));
        String access = "/api/v1/users/13/access/" + BOULANGERIE + "/CAISSE";
        assertEquals(204, send(claire, "PUT", access, null).statusCode());
        assertTrue(granted(claire, 13, BOULANGERIE, "CAISSE"));
        assertEquals(204, send(claire, "PUT", access, null).statusCode(), "granting twice changes nothing");
        assertEquals(204, send(claire, "DELETE", access, null).statusCode());
        assertFalse(granted(claire, 13, BOULANGERIE, "CAISSE"));
    }

    @Test
    void a_forged_expired_foreign_or_altered_token_is_refused_and_the_previous_key_still_verifies() throws Exception {
        String genuine = token(PAUL);
        String[] parts = genuine.split("\\.");
        JsonObject claims = Jwts.decode(parts[1]);
        RSAPrivateCrtKey portalKey = SigningKeys.readPrivateKey(Jwts.SIGNING_KEY);
        JsonObject header = Jwts.decode(parts[0]);
        assertEquals(Jwts.kid(portalKey), header.getString("kid"));

        JsonObject asOperator = with(claims, "groups", Json.createArrayBuilder().add("USER").add("OPERATOR").build());
        var foreign = KeyPairGenerator.getInstance("RSA");
        foreign.initialize(2048);
        var foreignKey = foreign.generateKeyPair().getPrivate();
        long now = Instant.now().getEpochSecond();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", Jwts.part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Jwts.part(asOperator.toString())
                + ".");
        forged.put("a claim changed, the signature kept", parts[0] + "." + Jwts.part(asOperator.toString()) + "."
                + parts[2]);
        forged.put("signed by a foreign key under its own kid", Jwts.sign(Json.createObjectBuilder()
                .add("alg", "RS256").add("typ", "JWT").add("kid", "foreign").build(), asOperator, foreignKey));
        forged.put("signed by a foreign key under the portal's kid", Jwts.sign(header, asOperator, foreignKey));
        forged.put("expired", Jwts.sign(header, with(with(claims, "iat", Json.createValue(now - 3600)), "exp",
                Json.createValue(now - 1800)), portalKey));
        forged.put("another issuer", Jwts.sign(header, with(claims, "iss",
                Json.createValue("https://elsewhere.example/")), portalKey));
        forged.put("no expiry", Jwts.sign(header, Json.createObjectBuilder(claims).remove("exp").build(), portalKey));
        forged.put("for another audience", Jwts.sign(header, with(claims, "aud",
                Json.createValue("another-application")), portalKey));
        forged.put("for no audience", Jwts.sign(header, Json.createObjectBuilder(claims).remove("aud").build(),
                portalKey));
        forged.put("of no session", Jwts.sign(header, Json.createObjectBuilder(claims).remove("sid").build(),
                portalKey));
        String publicPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                SigningKeys.publicKeyOf(portalKey).getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        forged.put("HS256 keyed with the published public key", hs256(Json.createObjectBuilder(header)
                .add("alg", "HS256").build(), asOperator, publicPem.getBytes(StandardCharsets.US_ASCII)));
        forged.put("HS256 keyed with the public key's bytes", hs256(Json.createObjectBuilder(header)
                .add("alg", "HS256").build(), asOperator, SigningKeys.publicKeyOf(portalKey).getEncoded()));
        forged.put("garbage", "not.a.token");
        for (Map.Entry<String, String> token : forged.entrySet()) {
            HttpResponse<String> answer = get(token.getValue(), "/api/v1/me");
            assertEquals(401, answer.statusCode(), token.getKey());
            assertEquals("api.token.refused", Jwts.json(answer.body()).getString("code"), token.getKey());
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"),
                    token.getKey());
        }

        // Rotation: a token signed with the previous key, which is still published, is accepted until it expires.
        RSAPrivateCrtKey previous = SigningKeys.readPrivateKey(Jwts.PREVIOUS_KEY);
        String rotated = Jwts.sign(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT")
                .add("kid", Jwts.kid(previous)).build(), claims, previous);
        HttpResponse<String> me = get(rotated, "/api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(Set.of("USER"), strings(Jwts.json(me.body()).getJsonArray("roles")));
        assertEquals(200, get(genuine, "/api/v1/me").statusCode(), "the genuine token still works");
    }

    @Test
    void errors_are_problems_with_a_stable_code_in_the_callers_language_and_the_session_cookie_opens_nothing()
            throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Accept-Language",
                "en-GB,en;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"moncompte\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        JsonObject problem = Jwts.json(none.body());
        assertEquals("api.unauthorized", problem.getString("code"));
        assertEquals("Authentication required", problem.getString("title"));
        assertEquals(401, problem.getInt("status"));
        assertTrue(problem.getString("instance").endsWith("/api/v1/me"), problem.getString("instance"));

        String claire = token(CLAIRE);
        HttpResponse<String> french = get(claire, "/api/v1/companies/999999");
        assertEquals(404, french.statusCode());
        assertEquals("L'élément demandé est introuvable.", Jwts.json(french.body()).getString("detail"));
        HttpResponse<String> english = http.send(authorized(claire, "/api/v1/companies/999999")
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("What you asked for cannot be found.", Jwts.json(english.body()).getString("detail"));
        assertEquals("error.notFound", Jwts.json(english.body()).getString("code"));

        Map<String, HttpResponse<String>> bad = new LinkedHashMap<>();
        bad.put("400 api.paging.invalid", get(claire, "/api/v1/companies?page=0"));
        bad.put("400 api.paging.invalid ", get(claire, "/api/v1/companies?size=abc"));
        bad.put("404 error.notFound", get(claire, "/api/v1/nothing-here"));
        bad.put("404 error.notFound ", get(claire, "/api/v1/companies/not-a-number"));
        bad.put("405 api.methodNotAllowed", send(claire, "DELETE", "/api/v1/me", null));
        bad.put("400 api.body.invalid", send(claire, "POST", "/api/v1/users", "{not json"));
        bad.put("400 api.body.invalid ", send(claire, "PUT", "/api/v1/me/notification-preferences",
                "[{\"type\":\"NO_SUCH_EVENT\"}]"));
        bad.put("400 api.credentials.missing", http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()));
        bad.put("415 api.unsupportedMediaType", http.send(authorized(claire, "/api/v1/users")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString()));
        bad.put("422 api.fieldsRefused", send(claire, "POST", "/api/v1/users",
                "{\"firstName\":\"\",\"lastName\":\"X\",\"email\":\"nope\",\"language\":\"FR\",\"companyId\":30}"));
        for (Map.Entry<String, HttpResponse<String>> answer : bad.entrySet()) {
            String[] expected = answer.getKey().strip().split(" ");
            assertEquals(Integer.parseInt(expected[0]), answer.getValue().statusCode(), answer.getKey());
            JsonObject body = Jwts.json(answer.getValue().body());
            assertEquals(expected[1], body.getString("code"), answer.getKey());
            assertFalse(body.getString("detail").startsWith("???"), answer.getKey());
            assertFalse(answer.getValue().body().contains("Exception"), answer.getKey());
        }
        JsonArray fields = Jwts.json(bad.get("422 api.fieldsRefused").body()).getJsonArray("errors");
        assertEquals(Set.of("firstName", "email"), fields.stream()
                .map(f -> f.asJsonObject().getString("field")).collect(Collectors.toSet()));

        // A browser's session cookie is no credential for the API: no cross-site request can act through it.
        FormClient browser = new FormClient(portal, "fr");
        assertTrue(browser.signIn(CLAIRE, PASSWORD));
        assertEquals(401, browser.get("/api/v1/me").statusCode());
        // Nor under a path written otherwise, which the container decodes and normalises to the API's.
        for (String path : List.of("//api/v1/me", "/%61pi/v1/me", "/api//v1/me", "/./api/v1/me")) {
            HttpResponse<String> answer = browser.get(path);
            assertNotEquals(200, answer.statusCode(), path + ": " + answer.body());
            assertFalse(answer.body().contains(CLAIRE), path);
        }
    }

    @Test
    void a_user_created_through_the_api_is_invited_and_their_token_requests_count_towards_the_lockout()
            throws Exception {
        String claire = token(CLAIRE);
        String email = "api." + System.nanoTime() + "@boulangerie-martin.example";
        HttpResponse<String> created = send(claire, "POST", "/api/v1/users", "{\"firstName\":\"Aline\",\"lastName\":"
                + "\"Pérez\",\"email\":\"" + email + "\",\"language\":\"en\",\"companyId\":" + BOULANGERIE
                + ",\"applications\":[\"COMPTA\"],\"administrator\":false}");
        // The answer says an invitation went out, never whether the address had an account (issue 19).
        assertEquals(202, created.statusCode(), created.body());
        JsonObject invited = Jwts.json(created.body());
        assertEquals(email, invited.getString("email"));
        assertEquals("Boulangerie Martin SARL", invited.getString("companyName"));
        JsonObject user = Jwts.json(get(claire, "/api/v1/users?search=" + email).body()).getJsonArray("items")
                .getJsonObject(0);
        assertEquals("INVITED", user.getString("status"));
        assertEquals("en", user.getString("language"), "the language as GET shows it is accepted too");
        assertTrue(granted(claire, user.getInt("id"), BOULANGERIE, "COMPTA"));

        Predicate<MimeMessage> invitation = Mailbox.to(email);
        String link = Mailbox.link(Mailbox.await(invitation, 1, 60_000).get(0));
        FormClient aline = new FormClient(portal, "en");
        aline.get(link);
        String password = "Aline-Api-2026!";
        assertEquals(302, aline.submit(link, "choose", Map.of("password", password, "confirm", password, "save", ""))
                .statusCode());
        String first = Jwts.json(tokenRequest(email, password, "en").body()).getString("access_token");
        assertEquals(200, get(first, "/api/v1/me").statusCode());

        // A new password ends the tokens issued before it: each is a session, and the other sessions end.
        FormClient pages = new FormClient(portal, "en");
        assertTrue(pages.signIn(email, password));
        pages.get("/account/informations.xhtml");
        String changed = "Aline-Api-2026-bis!";
        assertTrue(pages.submit("/account/informations.xhtml", "password", Map.of("current", password, "new", changed,
                "confirm", changed, "save", "")).body().contains("Your password was changed."));
        HttpResponse<String> stale = get(first, "/api/v1/me");
        assertEquals(401, stale.statusCode());
        assertEquals("api.token.refused", Jwts.json(stale.body()).getString("code"));
        password = changed;
        assertEquals(200, get(token(email, password), "/api/v1/me").statusCode());

        // One neutral answer: unknown address, wrong password, locked account alike.
        HttpResponse<String> unknown = tokenRequest("nobody." + System.nanoTime() + "@example.org", password, "en");
        HttpResponse<String> wrong = tokenRequest(email, "wrong password", "en");
        assertEquals(401, unknown.statusCode());
        assertEquals(unknown.body(), wrong.body());
        assertEquals("signin.failed", Jwts.json(wrong.body()).getString("code"));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, tokenRequest(email, "wrong password " + i, "en").statusCode());
        }
        long lockedAt = System.nanoTime();
        HttpResponse<String> locked = tokenRequest(email, password, "en");
        assertEquals(401, locked.statusCode(), "five failures lock the account, as on the sign-in page");
        assertEquals(wrong.body(), locked.body());
        assertFalse(new FormClient(portal, "en").signIn(email, password), "the pages' sign-in is locked too");
        assertEquals(1, Mailbox.await(message -> invitation.test(message)
                && Mailbox.subjectOf(message).toLowerCase().contains("locked"), 1, 60_000).size());

        // Time only moves on: the rest of the test happens a quarter of an hour later.
        FormClient clock = new FormClient(portal, "en");
        // 14 minutes after the lock, whatever the mail above took (a loaded machine took more than a minute).
        long elapsed = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lockedAt);
        clock.probe("/it/clock", "what=ahead&seconds=" + Math.max(0, 14 * 60 - elapsed - 5));
        try {
            assertEquals(401, tokenRequest(email, password, "en").statusCode(), "still locked 14 minutes later");
            clock.probe("/it/clock", "what=ahead&minutes=2");
            assertEquals(200, tokenRequest(email, password, "en").statusCode(), "the lock is over after 15 minutes");

            // Disabled by her administrator, her token no longer stands either.
            String last = token(email, password);
            assertEquals(200, get(last, "/api/v1/me").statusCode());
            FormClient administrator = new FormClient(portal, "fr");
            assertTrue(administrator.signIn(CLAIRE, PASSWORD));
            assertEquals("ok", administrator.probe("/it/boundary", "call=disable&a=" + user.getInt("id")));
            assertEquals(401, get(last, "/api/v1/me").statusCode());
            assertEquals(401, tokenRequest(email, password, "en").statusCode());
        } finally {
            Quiescence.await();
            clock.probe("/it/clock", "what=back");
        }
    }

    @Test
    void a_company_that_may_only_be_read_says_why_alike_in_the_api_and_on_its_page() throws Exception {
        // Claire administers Martin Traiteur's account, but the company is billed through Cabinet Durand (SPEC §3).
        JsonObject firmBilled = Jwts.json(get(token(CLAIRE), "/api/v1/companies/" + TRAITEUR).body());
        assertFalse(firmBilled.getBoolean("changeable"));
        assertEquals("companies.readOnly", firmBilled.getString("readOnly"));
        JsonObject own = Jwts.json(get(token(CLAIRE), "/api/v1/companies/" + BOULANGERIE).body());
        assertTrue(own.getBoolean("changeable"));
        assertFalse(own.containsKey("readOnly"), "no reason where Claire may change it: " + own);
        JsonObject operators = Jwts.json(get(token(OPS), "/api/v1/companies/" + TRAITEUR).body());
        assertEquals("companies.readOnly.notAdministrator", operators.getString("readOnly"),
                "an operator is not sent to an accountant");

        FormClient claire = new FormClient(portal, "fr");
        assertTrue(claire.signIn(CLAIRE, PASSWORD));
        String claires = claire.get("/companies/company.xhtml?id=" + TRAITEUR).body();
        assertTrue(claires.contains("contactez votre comptable pour modifier ses informations"), claires);
        FormClient ops = new FormClient(portal, "fr");
        assertTrue(ops.signIn(OPS, PASSWORD));
        String operator = ops.get("/companies/company.xhtml?id=" + TRAITEUR).body();
        assertTrue(operator.contains("seuls ses administrateurs la modifient"), operator);
        assertFalse(operator.contains("contactez votre comptable"), operator);
    }

    @Test
    void administrators_do_through_the_api_what_the_pages_do_and_are_refused_the_same_things() throws Exception {
        String claire = token(CLAIRE);
        String marc = token(MARC);
        JsonObject boulangerie = Jwts.json(get(claire, "/api/v1/companies/" + BOULANGERIE).body());
        JsonObjectBuilder typed = Json.createObjectBuilder();
        for (String field : List.of("legalName", "legalForm", "siret", "vatNumber", "addressLine", "postalCode",
                "city", "contactEmail", "contactPhone")) {
            if (boulangerie.containsKey(field) && !boulangerie.isNull(field)) {
                typed.add(field, boulangerie.getString(field));
            }
        }
        String unchanged = typed.build().toString();

        // A company's data: saved by its administrator, refused on a firm-billed one and for a bad value.
        HttpResponse<String> saved = send(claire, "PUT", "/api/v1/companies/" + BOULANGERIE, unchanged);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(boulangerie.getString("legalName"), Jwts.json(saved.body()).getString("legalName"));
        HttpResponse<String> firmBilled = send(claire, "PUT", "/api/v1/companies/" + TRAITEUR, unchanged);
        assertEquals(403, firmBilled.statusCode(), firmBilled.body());
        assertEquals("companies.readOnly", Jwts.json(firmBilled.body()).getString("code"));
        HttpResponse<String> badMail = send(claire, "PUT", "/api/v1/companies/" + BOULANGERIE,
                unchanged.replace(boulangerie.getString("contactEmail"), "not an address"));
        assertEquals(422, badMail.statusCode(), badMail.body());
        assertEquals("contactEmail", Jwts.json(badMail.body()).getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        assertEquals(403, send(token(OPS), "PUT", "/api/v1/companies/" + BOULANGERIE, unchanged).statusCode(),
                "operators change no company");
        assertEquals(400, send(claire, "PUT", "/api/v1/companies/" + BOULANGERIE, "[1,").statusCode());

        // A person's status, roles and invitation: the rules of the user's page (SPEC §4 rules 3 and 4).
        String disable = "{\"enabled\":false}";
        expectProblem(422, "users.notYourself", send(claire, "PUT", "/api/v1/users/3/status", disable));
        expectProblem(422, "users.beyondReach", send(marc, "PUT", "/api/v1/users/3/status", disable));
        expectProblem(403, "users.readOnlyChange", send(claire, "PUT", "/api/v1/users/14/status", disable));
        expectProblem(400, "api.body.invalid", send(claire, "PUT", "/api/v1/users/3/status", "{}"));
        JsonArray roles = Json.createReader(new java.io.StringReader(get(claire, "/api/v1/users/3/roles").body()))
                .readArray();
        assertTrue(roles.stream().map(JsonValue::asJsonObject).anyMatch(role -> role.getInt("accountId")
                == IsolationMatrixIT.CLAIRES_ACCOUNT && role.getBoolean("administrator")), roles.toString());
        expectProblem(422, "users.notYourselfRole", send(claire, "DELETE", "/api/v1/users/3/roles/"
                + IsolationMatrixIT.CLAIRES_ACCOUNT, null));
        expectProblem(422, "invitation.notInvited", send(claire, "POST", "/api/v1/users/3/invitation", null));
        expectProblem(404, "error.notFound", send(claire, "POST", "/api/v1/users/999999/invitation", null));

        // A person disabled and enabled again by her administrator, each change in the audit log under her name.
        Fixtures.Person julien = Fixtures.user(BOULANGERIE, "Julien", "Statut", "FR", "boulangerie-martin.example");
        HttpResponse<String> disabled = send(claire, "PUT", "/api/v1/users/" + julien.id() + "/status", disable);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals("DISABLED", Jwts.json(disabled.body()).getString("status"));
        assertEquals(401, tokenRequest(julien.email(), People.PASSWORD, "fr").statusCode(), "no more sign-in");
        HttpResponse<String> enabled = send(claire, "PUT", "/api/v1/users/" + julien.id() + "/status",
                "{\"enabled\":true}");
        assertEquals("ACTIVE", Jwts.json(enabled.body()).getString("status"), enabled.body());
        // Access granted and taken back, and the company's data changed and put back.
        String access = "/api/v1/users/" + julien.id() + "/access/" + BOULANGERIE + "/COMPTA";
        assertEquals(204, send(claire, "PUT", access, null).statusCode());
        assertEquals(204, send(claire, "DELETE", access, null).statusCode());
        String changed = Json.createObjectBuilder(Jwts.json(unchanged)).add("contactPhone", "+33 1 23 45 67 89")
                .build().toString();
        HttpResponse<String> edited = send(claire, "PUT", "/api/v1/companies/" + BOULANGERIE, changed);
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals(200, send(claire, "PUT", "/api/v1/companies/" + BOULANGERIE, unchanged).statusCode());
        String ops = token(OPS);
        String person = Long.toString(julien.id());
        Map<String, String> targets = Map.of("USER_DISABLED", person, "USER_ENABLED", person,
                "ACCESS_GRANTED", person, "ACCESS_REVOKED", person, "COMPANY_CHANGED", Long.toString(BOULANGERIE));
        targets.forEach((action, target) -> {
            try {
                JsonObject audited = Jwts.json(get(ops, "/api/v1/audit-events?action=" + action + "&actor="
                        + CLAIRE).body());
                assertTrue(audited.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                        .anyMatch(e -> e.getString("targetId").equals(target)), action + audited);
            } catch (Exception e) {
                throw new AssertionError(action, e);
            }
        });

        // The inbox's "mark all read".
        HttpResponse<String> marked = send(claire, "POST", "/api/v1/notifications/read", null);
        assertEquals(200, marked.statusCode(), marked.body());
        assertEquals(0, Jwts.json(send(claire, "POST", "/api/v1/notifications/read", null).body()).getInt("marked"),
                "nothing left unread");
    }

    @Test
    void administrators_list_people_and_invoices_across_their_companies_as_their_pages_do() throws Exception {
        String claire = token(CLAIRE);
        JsonObject people = Jwts.json(get(claire, "/api/v1/users?search=lefevre").body());
        assertTrue(people.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(user -> user.getString("email").equals(PAUL)), people.toString());
        assertTrue(people.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .noneMatch(user -> user.getString("email").equals(OMAR)), "Omar is of another account");
        JsonObject everyone = Jwts.json(get(claire, "/api/v1/users?sort=email&descending=true&size=100").body());
        List<String> emails = everyone.getJsonArray("items").stream()
                .map(user -> user.asJsonObject().getString("email")).toList();
        assertEquals(emails.stream().sorted(java.util.Comparator.reverseOrder()).toList(), emails, "Z to A");
        expectProblem(400, "api.parameter.invalid", get(claire, "/api/v1/users?sort=shoe-size"));
        assertTrue(Jwts.json(get(token(OPS), "/api/v1/users?search=haddad").body()).getInt("total") >= 1,
                "operators find everyone");

        billingProbe();
        JsonObject invoices = Jwts.json(get(claire, "/api/v1/invoices?from=" + MONTH + "&to=" + MONTH).body());
        assertTrue(invoices.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getInt("companyId") == BOULANGERIE), invoices.toString());
        assertTrue(invoices.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .allMatch(i -> i.getString("billedMonth").equals(MONTH.toString())), invoices.toString());
        assertEquals(0, Jwts.json(get(claire, "/api/v1/invoices?company=" + GARAGE).body()).getInt("total"),
                "another account's company: nothing, as on the page");
        expectProblem(400, "api.parameter.invalid", get(claire, "/api/v1/invoices?from=last-year"));
        expectProblem(400, "api.parameter.invalid", get(claire, "/api/v1/invoices?paymentState=LOST"));
        expectProblem(403, "api.forbidden", get(token(PAUL), "/api/v1/invoices"));
    }

    @Test
    void a_person_changes_through_the_api_what_mon_compte_changes_under_the_same_rules() throws Exception {
        Fixtures.Person person = Fixtures.user(GARAGE, "Api", "Moncompte", "FR", "garage-petit.example");
        String token = token(person.email());

        // Phone and language, saved together; a phone that cannot be read saves nothing.
        HttpResponse<String> saved = send(token, "PUT", "/api/v1/me/contact",
                "{\"phone\":\"06 12 34 56 78\",\"language\":\"en\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("+33612345678", Jwts.json(saved.body()).getString("phone"));
        assertEquals("en", Jwts.json(saved.body()).getString("language"));
        expectProblem(400, "phone.invalid", send(token, "PUT", "/api/v1/me/contact",
                "{\"phone\":\"not a phone\",\"language\":\"fr\"}"));
        expectProblem(400, "api.parameter.invalid", send(token, "PUT", "/api/v1/me/contact",
                "{\"phone\":\"\",\"language\":\"de\"}"));
        JsonObject me = Jwts.json(get(token, "/api/v1/me").body());
        assertEquals("+33612345678", me.getString("phone"), "nothing saved");
        assertEquals("en", me.getString("language"));

        // Sessions: the token's own and a browser's, listed; one ended, then all the others; the browser is signed
        // out at its next request, the token still works.
        FormClient browser = new FormClient(portal, "en");
        assertTrue(browser.signIn(person.email(), People.PASSWORD));
        JsonArray sessions = Json.createReader(new java.io.StringReader(get(token, "/api/v1/me/sessions").body()))
                .readArray();
        assertEquals(2, sessions.size(), sessions.toString());
        assertEquals(1, sessions.stream().filter(s -> s.asJsonObject().getBoolean("current")).count(),
                sessions.toString());
        String handle = sessions.stream().map(JsonValue::asJsonObject).filter(s -> !s.getBoolean("current"))
                .findFirst().orElseThrow().getString("handle");
        assertEquals(204, send(token, "DELETE", "/api/v1/me/sessions/" + handle, null).statusCode());
        assertEquals(302, browser.get("/account/informations.xhtml").statusCode(), "signed out");
        expectProblem(404, "error.notFound", send(token, "DELETE", "/api/v1/me/sessions/" + handle, null));
        expectProblem(404, "error.notFound", send(token(CLAIRE), "DELETE", "/api/v1/me/sessions/" + handle, null));
        FormClient again = new FormClient(portal, "en");
        assertTrue(again.signIn(person.email(), People.PASSWORD));
        assertEquals(1, Jwts.json(send(token, "DELETE", "/api/v1/me/sessions", null).body()).getInt("ended"));
        assertEquals(302, again.get("/account/informations.xhtml").statusCode(), "signed out");
        JsonArray signIns = Json.createReader(new java.io.StringReader(get(token, "/api/v1/me/sign-ins").body()))
                .readArray();
        assertTrue(signIns.stream().filter(a -> a.asJsonObject().getBoolean("succeeded")).count() >= 2,
                signIns.toString());

        // The login address: the current password is checked; a taken address is answered as any other (nobody
        // learns who has an account), its owner is told in her language and no link goes out; then a link does.
        expectProblem(422, "password.currentWrong", send(token, "POST", "/api/v1/me/email-change",
                "{\"currentPassword\":\"wrong\",\"newEmail\":\"api.new@example.org\"}"));
        HttpResponse<String> taken = send(token, "POST", "/api/v1/me/email-change",
                "{\"currentPassword\":\"" + People.PASSWORD + "\",\"newEmail\":\"" + CLAIRE + "\"}");
        assertEquals(202, taken.statusCode(), taken.body());
        assertEquals(CLAIRE, Jwts.json(get(token, "/api/v1/me/email-change").body()).getString("newEmail"));
        MimeMessage told = Mailbox.await(message -> Mailbox.to(CLAIRE).test(message) && Mailbox.subjectOf(message)
                .equals("Votre adresse e-mail a été proposée pour un autre compte"), 1, 60_000).get(0);
        assertFalse(Mailbox.text(told).contains("token="), "no link to the owner of the address");
        String newEmail = "api." + System.nanoTime() + "@example.org";
        HttpResponse<String> asked = send(token, "POST", "/api/v1/me/email-change",
                "{\"currentPassword\":\"" + People.PASSWORD + "\",\"newEmail\":\"" + newEmail + "\"}");
        assertEquals(202, asked.statusCode(), asked.body());
        assertEquals(newEmail, Jwts.json(get(token, "/api/v1/me/email-change").body()).getString("newEmail"));
        Mailbox.await(Mailbox.to(newEmail), 1, 60_000);

        // The password: the page's policy, then every other session's token ends; the one it was changed with stays,
        // as the page a password is changed on stays signed in.
        expectProblem(422, "password.tooShort", send(token, "PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"" + People.PASSWORD + "\",\"newPassword\":\"short\"}"));
        expectProblem(400, "api.body.invalid", send(token, "PUT", "/api/v1/me/password", "{}"));
        String earlier = token(person.email());
        String changed = "Api-Moncompte-2026-bis!";
        assertEquals(204, send(token, "PUT", "/api/v1/me/password", "{\"currentPassword\":\"" + People.PASSWORD
                + "\",\"newPassword\":\"" + changed + "\"}").statusCode());
        expectProblem(401, "api.token.refused", get(earlier, "/api/v1/me"));
        assertEquals(200, get(token, "/api/v1/me").statusCode(), "the token it was changed with");
        String renewed = token(person.email(), changed);
        assertEquals(200, get(renewed, "/api/v1/me").statusCode());
        expectProblem(422, "password.unchanged", send(renewed, "PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"" + changed + "\",\"newPassword\":\"" + changed + "\"}"));
    }

    @Test
    void operators_do_through_the_api_what_the_back_office_does() throws Exception {
        String ops = token(OPS);
        String claire = token(CLAIRE);

        // The catalogue.
        JsonArray catalogue = Json.createReader(new java.io.StringReader(get(ops, "/api/v1/catalogue").body()))
                .readArray();
        assertTrue(catalogue.stream().anyMatch(a -> a.asJsonObject().getString("code").equals("COMPTA")));
        expectProblem(403, "api.forbidden", get(claire, "/api/v1/catalogue"));
        String code = "API" + Long.toString(System.nanoTime() % 46_656, 36).toUpperCase();
        String application = "{\"code\":\"" + code + "\",\"nameFr\":\"Essai API\",\"nameEn\":\"API trial\","
                + "\"monthlyCompanyPrice\":10.00,\"monthlySeatPrice\":1.50}";
        HttpResponse<String> created = send(ops, "POST", "/api/v1/catalogue", application);
        assertEquals(201, created.statusCode(), created.body());
        long applicationId = Jwts.json(created.body()).getInt("id");
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/catalogue/" + applicationId));
        HttpResponse<String> taken = send(ops, "POST", "/api/v1/catalogue", application);
        expectProblem(422, "api.fieldsRefused", taken);
        assertEquals("code", Jwts.json(taken.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        expectProblem(422, "api.fieldsRefused", send(ops, "PUT", "/api/v1/catalogue/" + applicationId,
                application.replace("10.00", "-1")));
        HttpResponse<String> repriced = send(ops, "PUT", "/api/v1/catalogue/" + applicationId,
                application.replace("10.00", "12.00"));
        assertEquals(200, repriced.statusCode(), repriced.body());
        assertEquals(0, new java.math.BigDecimal("12.00").compareTo(Jwts.json(repriced.body())
                .getJsonNumber("monthlyCompanyPrice").bigDecimalValue()));
        expectProblem(403, "api.forbidden", send(claire, "POST", "/api/v1/catalogue", application));

        // An application configured on a company, far ahead so that no other test bills it.
        LocalDate start = LocalDate.now().plusYears(3).withDayOfMonth(1);
        String configuration = "{\"applicationCode\":\"" + code + "\",\"startDate\":\"" + start + "\"}";
        HttpResponse<String> configured = send(ops, "POST", "/api/v1/companies/" + GARAGE + "/applications",
                configuration);
        assertEquals(201, configured.statusCode(), configured.body());
        long configurationId = Jwts.json(configured.body()).getInt("id");
        expectProblem(422, "configuration.overlap", send(ops, "POST", "/api/v1/companies/" + GARAGE
                + "/applications", configuration));
        expectProblem(422, "api.fieldsRefused", send(ops, "PUT", "/api/v1/companies/" + GARAGE + "/applications/"
                + configurationId + "/end", "{\"endDate\":\"" + start.minusDays(1) + "\"}"));
        expectProblem(404, "error.notFound", send(ops, "PUT", "/api/v1/companies/" + BOULANGERIE + "/applications/"
                + configurationId + "/end", "{\"endDate\":\"" + start.plusMonths(1) + "\"}"));
        HttpResponse<String> ended = send(ops, "PUT", "/api/v1/companies/" + GARAGE + "/applications/"
                + configurationId + "/end", "{\"endDate\":\"" + start.plusMonths(1) + "\"}");
        assertEquals(200, ended.statusCode(), ended.body());
        assertEquals(start.plusMonths(1).toString(), Jwts.json(ended.body()).getString("endDate"));
        expectProblem(403, "api.forbidden", send(claire, "POST", "/api/v1/companies/" + BOULANGERIE
                + "/applications", configuration));

        // A credit note on an invoice, as on its page.
        FormClient probe = billingProbe();
        long invoice = invoiceOfMonth(probe, TRAITEUR);
        expectProblem(422, "billing.credit.reason", send(ops, "POST", "/api/v1/invoices/" + invoice
                + "/credit-notes", "{\"amountExcludingVat\":1.00}"));
        expectProblem(403, "api.forbidden", send(claire, "POST", "/api/v1/invoices/" + invoice + "/credit-notes",
                "{\"amountExcludingVat\":1.00,\"reason\":\"API\"}"));
        HttpResponse<String> credited = send(ops, "POST", "/api/v1/invoices/" + invoice + "/credit-notes",
                "{\"amountExcludingVat\":1.00,\"reason\":\"Geste commercial API\"}");
        assertEquals(201, credited.statusCode(), credited.body());
        assertEquals("CREDIT_NOTE", Jwts.json(credited.body()).getString("kind"));
        JsonArray notes = Json.createReader(new java.io.StringReader(get(ops, "/api/v1/invoices/" + invoice
                + "/credit-notes").body())).readArray();
        assertTrue(notes.stream().anyMatch(n -> n.asJsonObject().getInt("id")
                == Jwts.json(credited.body()).getInt("id")), notes.toString());
        assertEquals(200, get(ops, "/api/v1/invoices/" + invoice + "/payments").statusCode());
        expectProblem(404, "error.notFound", send(ops, "POST", "/api/v1/invoices/999999999/credit-notes",
                "{\"reason\":\"API\"}"));

        // Billing runs: refused for a month not over, started for one that is, followed to its end.
        expectProblem(422, "billing.run.monthNotOver", send(ops, "POST", "/api/v1/billing-runs",
                "{\"month\":\"" + YearMonth.now() + "\"}"));
        expectProblem(400, "api.parameter.invalid", send(ops, "POST", "/api/v1/billing-runs",
                "{\"month\":\"2026-13\"}"));
        expectProblem(400, "api.parameter.invalid", get(ops, "/api/v1/billing-runs/2026-13"));
        expectProblem(404, "error.notFound", get(ops, "/api/v1/billing-runs/1999-01"));
        expectProblem(403, "api.forbidden", get(claire, "/api/v1/billing-runs"));
        YearMonth quiet = MONTH.minusMonths(12);
        HttpResponse<String> started = send(ops, "POST", "/api/v1/billing-runs", "{\"month\":\"" + quiet + "\"}");
        assertEquals(202, started.statusCode(), started.body());
        assertTrue(started.headers().firstValue("Location").orElse("").endsWith("/billing-runs/" + quiet));
        String state = "RUNNING";
        for (long until = System.currentTimeMillis() + 60_000; state.equals("RUNNING")
                && System.currentTimeMillis() < until; Thread.sleep(200)) {
            state = Jwts.json(get(ops, "/api/v1/billing-runs/" + quiet).body()).getString("state");
        }
        assertEquals("FINISHED", state);
        JsonArray recent = Json.createReader(new java.io.StringReader(get(ops, "/api/v1/billing-runs").body()))
                .readArray();
        List<String> months = recent.stream().map(r -> r.asJsonObject().getString("month")).toList();
        assertFalse(months.isEmpty());
        assertEquals(months.stream().sorted(java.util.Comparator.reverseOrder()).toList(), months, "newest first");

        // The audit log says who did it.
        JsonObject audit = Jwts.json(get(ops, "/api/v1/audit-events?action=APPLICATION_CREATED&actor=" + OPS)
                .body());
        assertTrue(audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("targetId").equals(Long.toString(applicationId))
                        && e.getString("actorEmail").equals(OPS)), audit.toString());
        expectProblem(400, "api.parameter.invalid", get(ops, "/api/v1/audit-events?from=yesterday"));
        HttpResponse<String> reversed = get(ops, "/api/v1/audit-events?from=2026-03-02&to=2026-03-01&actor=nobody@x");
        expectProblem(422, "api.fieldsRefused", reversed);
        assertEquals(Set.of("actor", "to"), Jwts.json(reversed.body()).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet()), "as the page marks them");
        expectProblem(403, "api.forbidden", get(claire, "/api/v1/audit-events"));

        // An operator's lists and searches are reads too, each logged under their name (SPEC §1), and so is a look
        // at the log itself; an administrator's lists are not.
        String search = "zz" + System.nanoTime();
        assertEquals(200, get(ops, "/api/v1/companies?search=" + search).statusCode());
        assertEquals(200, get(ops, "/api/v1/users?search=" + search).statusCode());
        assertEquals(200, get(ops, "/api/v1/invoices?company=" + GARAGE).statusCode());
        assertEquals(200, get(claire, "/api/v1/users?search=" + search + "c").statusCode());
        for (String action : List.of("COMPANIES_LISTED", "USERS_LISTED", "INVOICES_LISTED", "AUDIT_SEARCHED")) {
            JsonObject listed = Jwts.json(get(ops, "/api/v1/audit-events?action=" + action + "&actor=" + OPS).body());
            assertFalse(listed.getJsonArray("items").isEmpty(), action + ": " + listed);
        }
        JsonObject searched = Jwts.json(get(ops, "/api/v1/audit-events?action=USERS_LISTED").body());
        assertTrue(searched.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("actorEmail").equals(OPS) && e.getString("after", "").contains(search)),
                searched.toString());
        assertTrue(searched.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .noneMatch(e -> e.getString("after", "").contains(search + "c")), "Claire's search is not logged");
    }

    @Test
    void the_api_explorer_serves_swagger_ui_s_two_files_and_nothing_else_and_is_the_operators_page() throws Exception {
        HttpResponse<String> bundle = http.send(HttpRequest.newBuilder(uri("/developers/swagger-ui/swagger-ui-bundle.js"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(bundle.body().contains("SwaggerUIBundle"));
        for (String other : List.of("/developers/swagger-ui/index.html", "/developers/swagger-ui/../../WEB-INF/web.xml",
                "/developers/swagger-ui/%2e%2e/%2e%2e/WEB-INF/web.xml", "/developers/swagger-ui/")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(other)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertNotEquals(200, answer.statusCode(), other);
            assertFalse(answer.body().contains("<web-app"), other);
        }
        FormClient claire = new FormClient(portal, "fr");
        assertTrue(claire.signIn(CLAIRE, PASSWORD));
        assertEquals(403, claire.get("/operations/api.xhtml").statusCode(), "the operators' page");
        FormClient ops = new FormClient(portal, "fr");
        assertTrue(ops.signIn(OPS, PASSWORD));
        HttpResponse<String> page = ops.get("/operations/api.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-openapi=\"/openapi\""), page.body());
    }

    private static void expectProblem(int status, String code, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, Jwts.json(answer.body()).getString("code"), answer.body());
    }

    @Test
    void payments_retried_at_once_under_one_key_record_one_payment_and_give_the_same_answer() throws Exception {
        FormClient probe = billingProbe();
        long invoice = invoiceOfMonth(probe, GARAGE);
        String total = probe.get("/it/billing?invoice=" + invoice).body().split("\\|")[4];
        String ops = token(OPS);
        String body = "{\"invoiceId\":" + invoice + ",\"kind\":\"PAYMENT\",\"amount\":" + total
                + ",\"reference\":\"VIR-API-1\"}";

        // Tomorrow in Paris, whatever the zone this test or the server runs in: refused as on the invoice page.
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        HttpResponse<String> future = send(ops, "POST", "/api/v1/payments",
                body.replace("}", ",\"date\":\"" + tomorrow + "\"}"), "Idempotency-Key", "future-" + MONTH);
        assertDayInTheFuture(future);
        assertEquals("0", probe.get("/it/billing?payments=" + invoice).body().strip(), "nothing recorded");

        ExecutorService retries = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> send(ops, "POST", "/api/v1/payments", body, "Idempotency-Key", "retry-" + MONTH));
            }
            List<String> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : retries.invokeAll(calls)) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
                answers.add(answer.get().body());
            }
            assertEquals(1, Set.copyOf(answers).size(), "the same answer: " + answers);
            assertEquals("PAID", Jwts.json(answers.get(0)).getString("paymentState"));
            assertEquals("1", probe.get("/it/billing?payments=" + invoice).body().strip(), "one payment recorded");
            assertEquals("1", probe.get("/it/billing?audits=" + invoice).body().strip(), "and audited once");
            assertEquals(answers.get(0), send(ops, "POST", "/api/v1/payments", body, "Idempotency-Key",
                    "retry-" + MONTH).body(), "a later retry too");
            HttpResponse<String> otherAmount = send(ops, "POST", "/api/v1/payments", body.replace(total, "1.00"),
                    "Idempotency-Key", "retry-" + MONTH);
            assertEquals(422, otherAmount.statusCode(), "the same key for another payment");
            assertEquals("billing.payment.keyReused", Jwts.json(otherAmount.body()).getString("code"));
        } finally {
            retries.shutdownNow();
        }
        HttpResponse<String> another = send(ops, "POST", "/api/v1/payments", body, "Idempotency-Key",
                "other-" + MONTH);
        assertEquals(422, another.statusCode());
        assertEquals("billing.payment.notAwaited", Jwts.json(another.body()).getString("code"));
        assertEquals(400, send(ops, "POST", "/api/v1/payments", body).statusCode(), "no key, no payment");
        assertEquals("1", probe.get("/it/billing?payments=" + invoice).body().strip());
    }

    @Test
    void one_key_sent_at_once_for_two_invoices_records_one_payment_and_refuses_the_other_without_a_500()
            throws Exception {
        YearMonth month = MONTH.minusMonths(1);
        FormClient probe = new FormClient(portal, "fr");
        assertTrue(probe.signIn(OPS, PASSWORD));
        assertTrue(probe.probe("/it/billing", "call=chunk&month=" + month + "&max=100").startsWith("ok"));
        long[] invoices = new long[2];
        long[] companies = {TRAITEUR, GARAGE};
        for (int i = 0; i < 2; i++) {
            invoices[i] = Long.parseLong(probe.get("/it/billing?find=" + companies[i] + "&month=" + month).body()
                    .strip());
            assertTrue(invoices[i] > 0, "an invoice of " + month + " for company " + companies[i]);
        }
        String ops = token(OPS);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            // Partial payments (a cent each) leave both invoices awaited, so that every round races on the key alone.
            for (int round = 0; round < ROUNDS; round++) {
                String key = "race-" + month + "-" + round;
                List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
                for (long invoice : invoices) {
                    String body = "{\"invoiceId\":" + invoice + ",\"kind\":\"PAYMENT\",\"amount\":0.01}";
                    calls.add(() -> send(ops, "POST", "/api/v1/payments", body, "Idempotency-Key", key));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : both.invokeAll(calls)) {
                    HttpResponse<String> response = answer.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 422) {
                        assertEquals("billing.payment.keyReused", Jwts.json(response.body()).getString("code"));
                    }
                }
                statuses.sort(null);
                assertEquals(List.of(200, 422), statuses, "round " + round + ": one recorded, one refused");
            }
        } finally {
            both.shutdownNow();
        }
        long recorded = 0;
        for (long invoice : invoices) {
            recorded += Long.parseLong(probe.get("/it/billing?payments=" + invoice).body().strip());
        }
        assertEquals(ROUNDS, recorded, "one payment per key");
    }

    @Test
    void a_payment_providers_signed_notice_is_recorded_once_and_a_forged_or_stale_one_is_refused() throws Exception {
        FormClient probe = billingProbe();
        long invoice = invoiceOfMonth(probe, BOULANGERIE);
        String total = probe.get("/it/billing?invoice=" + invoice).body().split("\\|")[4];
        String body = "{\"invoiceId\":" + invoice + ",\"kind\":\"PAYMENT\",\"amount\":" + total
                + ",\"reference\":\"PSP-" + MONTH + "\"}";
        Instant now = Instant.now();

        Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();
        String key = "psp-" + MONTH;
        refused.put("no signature, no token", notice(body, null, key));
        refused.put("another secret", notice(body, sign("guessed", now, key, body), key));
        refused.put("the body altered", notice(body.replace(total, "1.00"), sign(PROVIDER_SECRET, now, key, body),
                key));
        refused.put("signed ten minutes ago (a replay)", notice(body, sign(PROVIDER_SECRET, now.minusSeconds(600), key,
                body), key));
        refused.put("garbage", notice(body, "t=1,v1=zz", key));
        for (Map.Entry<String, HttpResponse<String>> answer : refused.entrySet()) {
            assertEquals(401, answer.getValue().statusCode(), answer.getKey() + ": " + answer.getValue().body());
            String code = Jwts.json(answer.getValue().body()).getString("code");
            assertEquals(answer.getKey().startsWith("no signature") ? "api.unauthorized" : "billing.notice.signature",
                    code, answer.getKey());
        }
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        String future = body.replace("}", ",\"date\":\"" + tomorrow + "\"}");
        assertDayInTheFuture(notice(future, sign(PROVIDER_SECRET, now, "psp-future-" + MONTH, future),
                "psp-future-" + MONTH));
        assertEquals("0", probe.get("/it/billing?payments=" + invoice).body().strip(), "nothing recorded");

        // The provider retries its notice at once (a timeout on its side): one payment, one answer.
        String signature = sign(PROVIDER_SECRET, now, key, body);
        ExecutorService retries = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> notice(body, signature, key));
            }
            List<String> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : retries.invokeAll(calls)) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
                answers.add(answer.get().body());
            }
            assertEquals(1, Set.copyOf(answers).size(), answers.toString());
            assertEquals("PAID", Jwts.json(answers.get(0)).getString("paymentState"));
        } finally {
            retries.shutdownNow();
        }
        assertEquals("1", probe.get("/it/billing?payments=" + invoice).body().strip(), "one payment recorded");
        assertEquals("1", probe.get("/it/billing?audits=" + invoice).body().strip(), "and audited once");
        // Someone who saw the notice in transit sends it again under a key of their own: the key is signed too.
        HttpResponse<String> replayed = notice(body, signature, "psp-replay-" + MONTH);
        assertEquals(401, replayed.statusCode(), replayed.body());
        assertEquals("1", probe.get("/it/billing?payments=" + invoice).body().strip(), "still one payment");
        String malformed = "{\"invoiceId\":\"x\"}";
        HttpResponse<String> invalid = notice(malformed, sign(PROVIDER_SECRET, now, "psp-bad-" + MONTH, malformed),
                "psp-bad-" + MONTH);
        assertEquals(400, invalid.statusCode());
        assertEquals("billing.notice.invalid", Jwts.json(invalid.body()).getString("code"));
    }

    private static void assertDayInTheFuture(HttpResponse<String> answer) {
        assertEquals(422, answer.statusCode(), answer.body());
        JsonObject problem = Jwts.json(answer.body());
        assertEquals("api.fieldsRefused", problem.getString("code"));
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("date", error.getString("field"));
        assertEquals("billing.payment.dayFuture", error.getString("code"));
    }

    /** An operator's client of the billing probe, once {@link #MONTH} is issued (by whichever test comes first). */
    private FormClient billingProbe() throws Exception {
        FormClient probe = new FormClient(portal, "fr");
        assertTrue(probe.signIn(OPS, PASSWORD));
        assertTrue(probe.probe("/it/billing", "call=chunk&month=" + MONTH + "&max=100").startsWith("ok"));
        return probe;
    }

    private static long invoiceOfMonth(FormClient probe, long company) throws Exception {
        return Long.parseLong(probe.get("/it/billing?find=" + company + "&month=" + MONTH).body().strip());
    }

    /** A provider's notice; {@code signature} is sent as it is (absent when null). */
    private static String sign(String secret, Instant time, String key, String body) {
        return NoticeSignature.header(secret, time, key, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> notice(String body, String signature, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/payments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Payment-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void notifications_are_read_and_preferences_saved_through_the_same_rules_as_the_pages() throws Exception {
        String luc = token(LUC);
        JsonObject page = Jwts.json(get(luc, "/api/v1/notifications?size=1").body());
        assertEquals(1, page.getJsonArray("items").size());
        long id = page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> read = send(luc, "POST", "/api/v1/notifications/" + id + "/read", null);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(Jwts.json(read.body()).getBoolean("read"));

        JsonArray rows = Jwts.json("{\"r\":" + get(luc, "/api/v1/me/notification-preferences").body() + "}")
                .getJsonArray("r");
        JsonObject switchable = rows.stream().map(JsonValue::asJsonObject)
                .filter(r -> !r.getBoolean("mandatory") && r.getJsonObject("email").getBoolean("offered"))
                .findFirst().orElseThrow();
        String type = switchable.getString("type");
        String was = switchable.getJsonObject("email").getString("delivery");
        String other = "OFF".equals(was) ? "IMMEDIATE" : "OFF";
        try {
            HttpResponse<String> saved = send(luc, "PUT", "/api/v1/me/notification-preferences",
                    choices(rows, type, other));
            assertEquals(200, saved.statusCode(), saved.body());
            assertEquals(other, emailDelivery(get(luc, "/api/v1/me/notification-preferences").body(), type),
                    "kept");
        } finally {
            assertEquals(200, send(luc, "PUT", "/api/v1/me/notification-preferences", choices(rows, type, was))
                    .statusCode());
        }
        JsonObject mandatory = rows.stream().map(JsonValue::asJsonObject).filter(r -> r.getBoolean("mandatory"))
                .findFirst().orElseThrow();
        HttpResponse<String> locked = send(luc, "PUT", "/api/v1/me/notification-preferences",
                choices(rows, mandatory.getString("type"), "OFF"));
        assertEquals(422, locked.statusCode());
        assertEquals("preferences.locked", Jwts.json(locked.body()).getString("code"));
        HttpResponse<String> incomplete = send(luc, "PUT", "/api/v1/me/notification-preferences", "[]");
        assertEquals("preferences.incomplete", Jwts.json(incomplete.body()).getString("code"));
    }

    private static String emailDelivery(String rows, String type) {
        return Jwts.json("{\"r\":" + rows + "}").getJsonArray("r").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("type").equals(type)).findFirst().orElseThrow()
                .getJsonObject("email").getString("delivery");
    }

    @Test
    void the_openapi_description_names_every_operation_its_problems_and_the_bearer_scheme() throws Exception {
        URI root = uri("/").resolve("/openapi");
        HttpResponse<String> description = http.send(HttpRequest.newBuilder(root).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, description.statusCode());
        JsonObject openapi = Jwts.json(description.body());
        JsonObject paths = openapi.getJsonObject("paths");
        Map<String, Set<String>> operations = new TreeMap<>();
        paths.forEach((path, item) -> operations.put(path.replaceFirst("^.*/api/v1", ""),
                new TreeSet<>(item.asJsonObject().keySet())));
        assertEquals(Map.ofEntries(
                Map.entry("/auth/token", Set.of("post", "delete")),
                Map.entry("/me", Set.of("get")),
                Map.entry("/me/notification-preferences", Set.of("get", "put")),
                Map.entry("/me/contact", Set.of("put")),
                Map.entry("/me/password", Set.of("put")),
                Map.entry("/me/email-change", Set.of("get", "post")),
                Map.entry("/me/invitations", Set.of("get")),
                Map.entry("/me/invitations/{id}/accept", Set.of("post")),
                Map.entry("/me/invitations/{id}/decline", Set.of("post")),
                Map.entry("/me/sessions", Set.of("get", "delete")),
                Map.entry("/me/sessions/{handle}", Set.of("delete")),
                Map.entry("/me/sign-ins", Set.of("get")),
                Map.entry("/me/data", Set.of("get")),
                Map.entry("/catalogue", Set.of("get", "post")),
                Map.entry("/catalogue/{id}", Set.of("get", "put")),
                Map.entry("/catalogue/{id}/prices", Set.of("get")),
                Map.entry("/clients", Set.of("get")),
                Map.entry("/clients/customers", Set.of("post")),
                Map.entry("/clients/firms", Set.of("post")),
                Map.entry("/clients/accounts/{id}", Set.of("get")),
                Map.entry("/clients/accounts/{id}/companies", Set.of("post")),
                Map.entry("/clients/companies/{id}/billing", Set.of("get", "post")),
                Map.entry("/clients/companies/{id}/end-subscriptions", Set.of("post")),
                Map.entry("/clients/accounts/{id}/close", Set.of("post")),
                Map.entry("/clients/accounts/{id}/administrators", Set.of("post")),
                Map.entry("/billing-runs", Set.of("get", "post")),
                Map.entry("/billing-runs/{month}", Set.of("get")),
                Map.entry("/audit-events", Set.of("get")),
                Map.entry("/invoices", Set.of("get")),
                Map.entry("/invoices/{id}/payments", Set.of("get")),
                Map.entry("/invoices/{id}/credit-notes", Set.of("get", "post")),
                Map.entry("/companies/{id}/applications/{configurationId}/end", Set.of("put")),
                Map.entry("/companies", Set.of("get")),
                Map.entry("/companies/{id}", Set.of("get", "put")),
                Map.entry("/companies/{id}/applications", Set.of("get", "post")),
                Map.entry("/companies/{id}/users", Set.of("get")),
                Map.entry("/companies/{id}/invoices", Set.of("get")),
                Map.entry("/invoices/{id}", Set.of("get")),
                Map.entry("/invoices/{id}/pdf", Set.of("get")),
                Map.entry("/users", Set.of("get", "post")),
                Map.entry("/users/{id}", Set.of("get", "delete")),
                Map.entry("/users/{id}/status", Set.of("put")),
                Map.entry("/users/{id}/memberships", Set.of("delete")),
                Map.entry("/users/{id}/second-factor", Set.of("delete")),
                Map.entry("/users/{id}/invitation", Set.of("post")),
                Map.entry("/users/{id}/roles", Set.of("get")),
                Map.entry("/users/{id}/roles/{accountId}", Set.of("put", "delete")),
                Map.entry("/users/{id}/access/{companyId}/{applicationCode}", Set.of("put", "delete")),
                Map.entry("/notifications", Set.of("get")),
                Map.entry("/notifications/{id}/read", Set.of("post")),
                Map.entry("/notifications/read", Set.of("post")),
                Map.entry("/payments", Set.of("post"))), operations);
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            JsonObject responses = operation.asJsonObject().getJsonObject("responses");
            assertTrue(responses.containsKey("500"), method + " " + path);
            assertTrue(path.endsWith("/auth/token") || responses.containsKey("401"), method + " " + path);
        }));
        JsonObject components = openapi.getJsonObject("components");
        assertTrue(components.getJsonObject("schemas").containsKey("Problem"));
        Matcher refs = Pattern.compile("#/components/schemas/(\\w+)")
                .matcher(description.body());
        while (refs.find()) {
            assertTrue(components.getJsonObject("schemas").containsKey(refs.group(1)), refs.group());
        }
        // The bodies are described field by field (the EJB jars' records would come out as empty objects).
        for (String schema : List.of("NewUserRequest", "PaymentRequest", "PreferenceView", "NotificationView",
                "UserDetail", "InvoiceDetail", "CompanyDetail", "IssuedToken", "Me", "CompanyChange",
                "ContactRequest", "PasswordRequest", "EmailChangeRequest", "SessionView", "ApplicationRequest",
                "ApplicationView", "ConfigurationRequest", "CreditNoteRequest", "RunRequest", "BillingRunView",
                "AuditEntryView", "StatusRequest", "RoleView")) {
            assertFalse(components.getJsonObject("schemas").getJsonObject(schema).getJsonObject("properties")
                    .isEmpty(), schema);
        }
        assertEquals("bearer", components.getJsonObject("securitySchemes").getJsonObject("bearer").getString("scheme"));
    }

    /** A token MACed with a key the attacker knows, as if the verifier took the RSA public key for an HMAC secret. */
    private static String hs256(JsonObject header, JsonObject claims, byte[] key) throws Exception {
        String signed = Jwts.part(header.toString()) + "." + Jwts.part(claims.toString());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Every line as it is, but the e-mail of {@code type} set to {@code delivery}. */
    private static String choices(JsonArray rows, String type, String delivery) {
        var list = Json.createArrayBuilder();
        for (JsonValue row : rows) {
            JsonObject r = row.asJsonObject();
            JsonObjectBuilder choice = Json.createObjectBuilder().add("type", r.getString("type"));
            if (r.getJsonObject("email").getBoolean("offered")) {
                choice.add("email", r.getString("type").equals(type) ? delivery
                        : r.getJsonObject("email").getString("delivery"));
            }
            if (r.getJsonObject("inApp").getBoolean("offered")) {
                choice.add("inApp", r.getJsonObject("inApp").getString("delivery"));
            }
            list.add(choice);
        }
        return list.build().toString();
    }

    private boolean granted(String token, long user, long company, String code) throws Exception {
        JsonObject detail = Jwts.json(get(token, "/api/v1/users/" + user).body());
        return detail.getJsonArray("companies").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonNumber("companyId").longValue() == company)
                .flatMap(c -> c.getJsonArray("applications").stream().map(JsonValue::asJsonObject))
                .anyMatch(a -> a.getString("code").equals(code) && a.getBoolean("granted"));
    }

    private long firstInvoice(String operatorToken, long company) throws Exception {
        JsonObject page = Jwts.json(get(operatorToken, "/api/v1/companies/" + company + "/invoices?size=1").body());
        return page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static String newUser(String name, long company) {
        return "{\"firstName\":\"" + name + "\",\"lastName\":\"Test\",\"email\":\"" + name + "." + System.nanoTime()
                + "@example.org\",\"language\":\"FR\",\"companyId\":" + company + "}";
    }

    private static void expect(int status, HttpResponse<String> answer, String call, List<String> leaks) {
        if (answer.statusCode() != status) {
            leaks.add(call + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static JsonObject with(JsonObject claims, String name, JsonValue value) {
        return Json.createObjectBuilder(claims).add(name, value).build();
    }

    private static Set<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static List<Long> ids(JsonArray items) {
        return items.stream().map(i -> i.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private static Map<Long, Set<String>> applicationsByCompany(JsonArray companies) {
        Map<Long, Set<String>> result = new HashMap<>();
        for (JsonValue company : companies) {
            JsonObject c = company.asJsonObject();
            result.put(c.getJsonNumber("id").longValue(), strings(c.getJsonArray("applications")));
        }
        return result;
    }

    private String token(String email) throws Exception {
        return token(email, PASSWORD);
    }

    private String token(String email, String password) throws Exception {
        HttpResponse<String> answer = tokenRequest(email, password, "fr");
        assertEquals(200, answer.statusCode(), email + ": " + answer.body());
        String token = Jwts.json(answer.body()).getString("access_token");
        assertNotEquals("", token);
        return token;
    }

    private HttpResponse<String> tokenRequest(String email, String password, String language) throws Exception {
        var body = Json.createObjectBuilder().add("email", email).add("password", password);
        if (OperatorCodes.isOperator(email)) {
            body.add("otp", OperatorCodes.next(uri("/").toString())); // an operator signs in with a second factor
        }
        return http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(authorized(token, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String token, String method, String path, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = authorized(token, path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        try {
            return URI.create(Browser.loopback(portal).toString().replaceAll("/$", "") + path);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
