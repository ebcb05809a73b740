package fr.moncompte.portal.web.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without scripts, for service-level tests over HTTP: keeps its cookies, reads a page's view state and
 * PrimeFaces nonce, and posts a form with them as the page's own script would. Redirects are not followed, so that
 * a test sees where an answer leads.
 */
final class FormClient {

    private static final Pattern VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState:\\d+\" value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String language;
    private HttpResponse<String> last;

    FormClient(URL portal, String language) throws Exception {
        this.base = Browser.loopback(portal).toString().replaceAll("/$", "");
        this.language = language;
    }

    /** GETs a path of the portal (or a whole URL of it, e.g. a link from a mail). */
    HttpResponse<String> get(String pathOrUrl) throws Exception {
        last = http.send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return last;
    }

    /** GETs a path as bytes (a PDF), with the same session. */
    HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts {@code fields} as form {@code formId} of the page last fetched, with its view state and nonce. */
    HttpResponse<String> submit(String pathOrUrl, String formId, Map<String, String> fields) throws Exception {
        return submit(pathOrUrl, formId, fields, true);
    }

    /** As {@link #submit}, optionally without the page's script nonce, as a form replayed by hand would be. */
    HttpResponse<String> submit(String pathOrUrl, String formId, Map<String, String> fields, boolean withNonce)
            throws Exception {
        return submit(pathOrUrl, formId, fields, Map.of(), withNonce);
    }

    /** As {@link #submit}, with parameters named as they are (a button's {@code f:param}), not after the form. */
    HttpResponse<String> submit(String pathOrUrl, String formId, Map<String, String> fields,
                                Map<String, String> parameters, boolean withNonce) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        form.putAll(parameters);
        form.put("jakarta.faces.ViewState", find(VIEW_STATE, "view state"));
        if (withNonce) {
            form.put("primefaces.nonce", find(NONCE, "nonce"));
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        last = http.send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return last;
    }

    /**
     * Signs in through the sign-in page; true when the portal let the person in. The demo operator's second step is
     * answered with a code of one of their apps ({@link OperatorCodes}).
     */
    boolean signIn(String email, String password) throws Exception {
        get("/login.xhtml");
        HttpResponse<String> answer = submit("/login.xhtml", "signIn",
                Map.of("email", email, "password", password, "submit", "", "continue", ""));
        if (OperatorCodes.isOperator(email) && location(answer).contains("/login-code.xhtml")) {
            get("/login-code.xhtml");
            answer = submit("/login-code.xhtml", "code", Map.of("value", OperatorCodes.next(base), "submit", ""));
        }
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/account/");
    }

    /** Posts to a test probe; returns its answer. */
    String probe(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** This browser's cookies as a {@code Cookie} header, for a request sent by another client in its name. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The body of the last answer, of a GET or a form. */
    String lastBody() {
        return last.body();
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    private URI uri(String pathOrUrl) throws Exception {
        if (pathOrUrl.startsWith("http")) {
            URL url = new URL(pathOrUrl);
            // Mails carry the configured public address (the root of localhost:8080 in the tests); the test talks to
            // this deployment, on loopback under its own context path.
            return URI.create(base + url.getPath() + (url.getQuery() == null ? "" : "?" + url.getQuery()));
        }
        return URI.create(base + pathOrUrl);
    }

    private String find(Pattern pattern, String what) {
        Matcher matcher = pattern.matcher(last.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No " + what + " in the page last fetched: " + last.body());
        }
        return matcher.group(1);
    }
}
