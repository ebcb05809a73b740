package fr.moncompte.portal.web.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, point 12: a corpus of malformed requests over the pages and the API, signed out, signed in as a user, an
 * administrator and an operator: malformed headers ({@code Accept-Language} of {@code fr;q=abc} or of 5,000
 * characters), parameters of the wrong type, size or encoding, Faces postbacks with a made-up, stateless or missing
 * view state and no nonce, JSON that is not JSON, of the wrong shape or too long, and bodies past the bounds. None may
 * answer 5xx, and none may show a stack trace. The corpus is made here, so that it grows with the portal.
 */
@Order(127)
@RunAsClient
class BadInputIT extends DeployedPortal {

    static final String PASSWORD = People.PASSWORD;
    /** What a stack trace or a server's own error page would show. */
    static final Pattern LEAK = Pattern.compile("\\bat (java|jakarta|fr\\.moncompte|org\\.glassfish|com\\.sun)\\.|"
            + "Exception\\b|Caused by|Payara Server|GlassFish|javax\\.faces|jakarta\\.faces\\.FacesException");
    static final int MINIMUM_CASES = 1_000;

    @ArquillianResource
    URL portal;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One request of the corpus. */
    record Case(String who, String method, String path, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            return who + " " + method + " " + path + " " + headers.keySet()
                    + (body == null ? "" : " body of " + body.length() + " chars");
        }
    }

    static final String LONG = "é".repeat(5_000);
    static final List<String> LANGUAGES = List.of("fr;q=abc", "x".repeat(5_000), "*;q=2", "en-US;q=-1", ";;;,,,",
            "zz-ZZ-Zzzz-9999999", "fr-FR\u0000", "en;q=0.5,,fr;q=");
    static final List<String> VALUES = List.of("abc", "-1", "0", "99999999999999999999", "1e9", "%00", "%ZZ",
            "'%20or%201=1--", "%3Cscript%3E", URLEncoder.encode(LONG, StandardCharsets.UTF_8), "..%2F..%2Fetc%2Fpasswd",
            "%F0%9F%92%A9", "1.5", "NaN", "");
    static final List<String> PAGES = List.of("/login.xhtml?continue=", "/companies/company.xhtml?id=",
            "/companies/company.xhtml?id=30&menu=", "/companies/index.xhtml?q=", "/users/user.xhtml?id=",
            "/users/user.xhtml?id=3&menu=", "/users/new.xhtml?company=", "/users/index.xhtml?q=",
            "/invoices/invoice.xhtml?id=", "/invoices/pdf?id=", "/invitation.xhtml?token=", "/email/confirm.xhtml?token=",
            "/password/reset.xhtml?token=", "/help/article.xhtml?topic=", "/account/invoices.xhtml?page=",
            "/operations/audit.xhtml?actor=", "/operations/mails.xhtml?status=", "/developers/swagger-ui/",
            "/developers/api.xhtml?x=", "/index.xhtml?jakarta.faces.ViewState=");
    static final List<String> API_GETS = List.of("/api/v1/companies/", "/api/v1/users/", "/api/v1/invoices/",
            "/api/v1/invoices?company=", "/api/v1/invoices?from=", "/api/v1/users?search=", "/api/v1/users?page=",
            "/api/v1/companies?size=", "/api/v1/audit-events?from=", "/api/v1/audit-events?actor=",
            "/api/v1/billing-runs/", "/api/v1/catalogue/", "/api/v1/notifications?page=", "/api/v1/invoices/1/pdf?x=");
    static final List<String> BODIES = List.of("", "{", "[1,", "null", "[]", "\"text\"", "{\"a\":" + "[".repeat(2_000),
            "{\"enabled\":\"yes\"}", "{\"phone\":123,\"language\":[]}", "{\"email\":null,\"password\":{}}",
            "\u0000\u0001\u0002", "{\"x\":\"" + "a".repeat(20_000) + "\"}", "{\"legalName\":\"" + LONG + "\"}",
            "{\"amount\":\"1e999999\",\"invoiceId\":1e30}", "<xml/>",
            "{\"email\":\"a\\u0000b@example.org\",\"password\":\"x\\u0000\",\"legalName\":\"B\\u0000\"}");
    static final List<String[]> API_WRITES = List.of(new String[] {"POST", "/api/v1/auth/token"},
            new String[] {"PUT", "/api/v1/me/contact"}, new String[] {"PUT", "/api/v1/me/password"},
            new String[] {"POST", "/api/v1/me/email-change"}, new String[] {"PUT", "/api/v1/companies/30"},
            new String[] {"PUT", "/api/v1/users/999999/status"}, new String[] {"POST", "/api/v1/users"},
            new String[] {"POST", "/api/v1/payments"}, new String[] {"POST", "/api/v1/catalogue"},
            new String[] {"POST", "/api/v1/billing-runs"}, new String[] {"PUT", "/api/v1/me/notification-preferences"},
            new String[] {"POST", "/api/v1/notifications/read"});
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=klingon",
            "text/plain", "multipart/form-data; boundary=", "application/x-www-form-urlencoded");

    @Test
    void a_thousand_malformed_requests_over_pages_and_api_get_no_5xx_and_no_stack_trace() throws Exception {
        Api api = new Api(portal);
        Fixtures.Person person = Fixtures.user(IsolationMatrixIT.GARAGE, "Corpus", "Malforme", "FR",
                "garage-petit.example");
        Map<String, String> tokens = Map.of("anonymous", "", "user", api.token(person.email(), PASSWORD),
                "administrator", api.token(IsolationMatrixIT.CLAIRE, PASSWORD),
                "operator", api.token(IsolationMatrixIT.OPS, PASSWORD));
        Map<String, FormClient> browsers = Map.of("anonymous", new FormClient(portal, "fr"),
                "user", signedIn(person.email()), "administrator", signedIn(IsolationMatrixIT.CLAIRE),
                "operator", signedIn(IsolationMatrixIT.OPS));

        // Each request of the corpus is sent in the name of one of the four, in turn; the pages' parameters twice.
        List<String> who = List.of("anonymous", "user", "administrator", "operator");
        List<Case> corpus = new ArrayList<>();
        for (String page : PAGES) {
            for (String value : VALUES) {
                for (int twice = 0; twice < 2; twice++) {
                    corpus.add(new Case(who.get((corpus.size() + twice) % 4), "GET", page + value, Map.of(), null));
                }
            }
            corpus.add(new Case(who.get(corpus.size() % 4), "GET", page + "1", Map.of("Accept-Language",
                    LANGUAGES.get(page.length() % LANGUAGES.size())), null));
        }
        for (String language : LANGUAGES) {
            for (String path : List.of("/account/informations.xhtml", "/login.xhtml", "/api/v1/me",
                    "/api/v1/companies/999999")) {
                corpus.add(new Case(who.get(corpus.size() % 4), "GET", path, Map.of("Accept-Language", language), null));
            }
        }
        for (String page : List.of("/login.xhtml", "/account/informations.xhtml", "/users/index.xhtml",
                "/operations/billing.xhtml", "/account/security.xhtml")) {
            for (String form : postbacks(page)) {
                corpus.add(new Case(who.get(corpus.size() % 4), "POST", page, Map.of("Content-Type",
                        "application/x-www-form-urlencoded"), form));
                corpus.add(new Case(who.get(corpus.size() % 4), "POST", page, Map.of("Content-Type",
                        "application/x-www-form-urlencoded", "Faces-Request", "partial/ajax"), form));
            }
        }
        for (String get : API_GETS) {
            for (String value : VALUES) {
                corpus.add(new Case(who.get(corpus.size() % 4), "GET", get + value, Map.of(), null));
            }
        }
        for (String[] write : API_WRITES) {
            for (String body : BODIES) {
                corpus.add(new Case(who.get(corpus.size() % 4), write[0], write[1],
                        Map.of("Content-Type", "application/json"), body));
            }
            for (String type : CONTENT_TYPES) {
                corpus.add(new Case(who.get(corpus.size() % 4), write[0], write[1], Map.of("Content-Type", type),
                        "{\"a\":1}"));
            }
        }
        for (String authorization : List.of("Bearer", "Bearer " + "x".repeat(10_000), "Basic Zm9vOmJhcg==",
                "Bearer a.b.c", "Bearer \u00e9\u00e9")) {
            corpus.add(new Case("anonymous", "GET", "/api/v1/me", Map.of("Authorization", authorization), null));
        }
        for (String signature : List.of("t=1,v1=00", "t=" + "9".repeat(40), "v1=zz", "t=abc,v1=", "x".repeat(2_000))) {
            corpus.add(new Case("anonymous", "POST", "/api/v1/payments", Map.of("Content-Type", "application/json",
                    "Idempotency-Key", "corpus", "Payment-Signature", signature), "{\"invoiceId\":1}"));
        }
        assertTrue(corpus.size() >= MINIMUM_CASES, "the corpus has " + corpus.size() + " cases");

        List<String> failures = new ArrayList<>();
        for (Case request : corpus) {
            HttpResponse<String> answer;
            long started = System.nanoTime();
            try {
                answer = send(request, tokens.get(request.who()), browsers.get(request.who()));
            } catch (java.io.IOException dropped) {
                failures.add("no answer for " + request + ": " + dropped);
                continue;
            } finally {
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis > 2_000) {
                    System.out.println("BadInputIT: " + millis + " ms for " + request);
                }
            }
            if (answer == null) {
                continue; // a request the HTTP client itself refuses to send (an illegal header): nothing to judge
            }
            if (answer.statusCode() >= 500 || LEAK.matcher(answer.body()).find()) {
                failures.add(answer.statusCode() + " for " + request + ": "
                        + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + corpus.size() + " malformed requests");
    }

    @Test
    void bodies_past_their_bounds_are_refused_with_their_reason_in_the_callers_language() throws Exception {
        Api api = new Api(portal);
        String claire = api.token(IsolationMatrixIT.CLAIRE, PASSWORD);
        HttpResponse<String> large = http.send(HttpRequest.newBuilder(api.uri("/api/v1/companies/30"))
                .header("Authorization", "Bearer " + claire).header("Content-Type", "application/json")
                .header("Accept-Language", "en").PUT(HttpRequest.BodyPublishers.ofString("{\"legalName\":\""
                        + "a".repeat(20_000) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, large.statusCode(), large.body());
        assertEquals("api.body.tooLarge", Api.json(large).getString("code"));
        assertTrue(Api.json(large).getString("detail").contains("16 KiB"), large.body());

        // Streamed without a length: cut off as it is read.
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(api.uri("/api/v1/companies/30"))
                .header("Authorization", "Bearer " + claire).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"legalName\":\"" + "a".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode(), streamed.body());

        HttpResponse<String> deep = api.send(claire, "PUT", "/api/v1/companies/30", "{\"a\":" + "[".repeat(2_000));
        assertEquals(400, deep.statusCode(), deep.body());
        assertEquals("api.body.invalid", Api.json(deep).getString("code"));

        // The provider's endpoint: a stale signature is refused on its headers.
        HttpResponse<String> stale = http.send(HttpRequest.newBuilder(api.uri("/api/v1/payments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "stale-corpus")
                .header("Payment-Signature", "t=1000,v1=00")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"invoiceId\":1}".getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, stale.statusCode(), stale.body());
        assertEquals("billing.notice.signature", Api.json(stale).getString("code"));

        // A page's form past 256 KiB: a short page in the reader's language.
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(api.uri("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("signIn%3Aemail=" + "a".repeat(300_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, form.statusCode());
        assertTrue(form.body().contains("lang=\"en\"") && form.body().contains("The form sent is too long"),
                form.body());
    }

    /** Faces postbacks no page's own script would send: made-up, stateless or no view state, and no nonce. */
    private static List<String> postbacks(String page) {
        String form = page.contains("login") ? "signIn" : "f";
        return List.of(form + "=" + form + "&jakarta.faces.ViewState=stateless",
                form + "=" + form + "&jakarta.faces.ViewState=stateless&" + form + "%3Aemail=" + "a".repeat(3_000),
                form + "=" + form + "&jakarta.faces.ViewState=-123%3A456",
                form + "=" + form + "&jakarta.faces.ViewState=" + "A".repeat(5_000),
                form + "=" + form,
                "jakarta.faces.ViewState=stateless&jakarta.faces.partial.ajax=true&jakarta.faces.source=x"
                        + "&jakarta.faces.partial.execute=%40all&jakarta.faces.partial.render=%40all",
                "%%%=%%%&&&==",
                form + "=" + form + "&" + form + "%3Aemail=a%00b%40example.org&" + form + "%3Apassword=%00",
                "jakarta.faces.ViewState=stateless&primefaces.nonce=&" + form + "=" + form);
    }

    private FormClient signedIn(String email) throws Exception {
        FormClient browser = new FormClient(portal, "fr");
        assertTrue(browser.signIn(email, PASSWORD), email);
        return browser;
    }

    private HttpResponse<String> send(Case request, String token, FormClient browser) throws Exception {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(Browser.loopback(portal).toString().replaceAll("/$", "")
                    + request.path())).timeout(Duration.ofSeconds(10));
        } catch (IllegalArgumentException unsendable) {
            return null;
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            request.headers().forEach(builder::header);
            if (request.path().startsWith("/api/") && !token.isEmpty()
                    && !request.headers().containsKey("Authorization")) {
                builder.header("Authorization", "Bearer " + token);
            }
        } catch (IllegalArgumentException unsendable) {
            return null;
        }
        if (!request.path().startsWith("/api/")) {
            String cookie = browser.cookieHeader();
            if (!cookie.isEmpty()) {
                builder.header("Cookie", cookie);
            }
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
