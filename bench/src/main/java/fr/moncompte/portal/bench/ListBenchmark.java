package fr.moncompte.portal.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the administration lists of a running portal, as a browser meets them: the whole page (search, count, one
 * page of rows, rendering) over HTTP, signed in as the operator (every tenant) and as the firm's administrator
 * (the companies billed through the firm). Each case is run {@code bench.warmup} times unmeasured, then
 * {@code bench.runs} times; the median and the slowest run are printed. Settings (system properties):
 * {@code bench.url} (default http://localhost:8080), {@code bench.runs} (default 30), {@code bench.warmup} (10).
 */
public final class ListBenchmark {

    private static final Pattern VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState:\\d+\" value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern COUNT = Pattern.compile("id=\"[^\"]*resultCount\"[^>]*>([^<]*)<");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    ListBenchmark(String base) {
        this.base = base.replaceAll("/$", "");
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:8080");
        int runs = Integer.getInteger("bench.runs", 30);
        int warmup = Integer.getInteger("bench.warmup", 10);
        System.out.printf("%-58s %12s %10s %10s%n", "case", "rows found", "median ms", "max ms");
        ListBenchmark operator = new ListBenchmark(base).signIn("ops@moncompte.example");
        ListBenchmark firm = new ListBenchmark(base).signIn("comptable@cabinet-durand.example");
        for (String[] bench : new String[][]{
                {"operator: companies, first page by name", "/companies/index.xhtml"},
                {"operator: companies, name starts with 'boul'", "/companies/index.xhtml?q=boul"},
                {"operator: companies, SIREN starts with '1000'", "/companies/index.xhtml?q=1000"},
                {"operator: users, first page by name", "/users/index.xhtml"},
                {"operator: users, name starts with 'lefev'", "/users/index.xhtml?q=lefev"},
                {"operator: users, no match ('zzz')", "/users/index.xhtml?q=zzz"},
        }) {
            operator.time(bench[0], bench[1], warmup, runs);
        }
        for (String[] bench : new String[][]{
                {"firm administrator: companies, first page by name", "/companies/index.xhtml"},
                {"firm administrator: companies, 'pharm'", "/companies/index.xhtml?q=pharm"},
                {"firm administrator: users, first page by name", "/users/index.xhtml"},
                {"firm administrator: users, 'guer'", "/users/index.xhtml?q=guer"},
        }) {
            firm.time(bench[0], bench[1], warmup, runs);
        }
    }

    ListBenchmark signIn(String email) throws Exception {
        String page = get("/login.xhtml").body();
        String form = "signIn=signIn&signIn%3Aemail=" + encode(email) + "&signIn%3Apassword=Portail-Demo-2026"
                + "&signIn%3Asubmit=&signIn%3Acontinue=&jakarta.faces.ViewState=" + encode(find(VIEW_STATE, page))
                + "&primefaces.nonce=" + encode(find(NONCE, page));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException(email + " could not sign in (" + answer.statusCode() + ")");
        }
        return this;
    }

    void time(String name, String path, int warmup, int runs) throws Exception {
        String result = "";
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = get(path);
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode());
            }
            if (i >= warmup) {
                millis.add(elapsed);
            }
            Matcher count = COUNT.matcher(answer.body());
            result = count.find() ? count.group(1).strip() : "?";
        }
        Collections.sort(millis);
        System.out.printf("%-58s %12s %10.1f %10.1f%n", name, rows(result), millis.get(millis.size() / 2),
                millis.get(millis.size() - 1));
    }

    /** The page's announced count ("1 234 entreprises.", "Une entreprise.", "Aucun utilisateur…") as a number. */
    static String rows(String announced) {
        String digits = announced.replaceAll("[^0-9]", "");
        if (!digits.isEmpty()) {
            return digits;
        }
        return announced.startsWith("Aucun") ? "0" : announced.startsWith("Un") ? "1" : "?";
    }

    /** Opens a page and submits one of its forms as a browser would, with the page's view state and nonce. */
    HttpResponse<String> submit(String path, String formId, java.util.Map<String, String> fields) throws Exception {
        String page = get(path).body();
        StringBuilder form = new StringBuilder(encode(formId) + "=" + encode(formId));
        fields.forEach((name, value) -> form.append('&').append(encode(formId + ":" + name)).append('=')
                .append(encode(value)));
        form.append("&jakarta.faces.ViewState=").append(encode(find(VIEW_STATE, page)))
                .append("&primefaces.nonce=").append(encode(find(NONCE, page)));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "fr")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "fr").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in the page: " + pattern);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
