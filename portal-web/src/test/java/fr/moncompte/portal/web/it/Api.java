package fr.moncompte.portal.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The REST API as a client calls it, for the test classes that use it beside pages: tokens, GET and the rest. */
final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(URL portal) {
        try {
            this.base = Browser.loopback(portal).toString().replaceAll("/$", "");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code email}, which must be given one. */
    String token(String email, String password) throws Exception {
        HttpResponse<String> answer = tokenRequest(email, password);
        assertEquals(200, answer.statusCode(), email + ": " + answer.body());
        return Jwts.json(answer.body()).getString("access_token");
    }

    HttpResponse<String> tokenRequest(String email, String password) throws Exception {
        return http.send(tokenPost(email, password), HttpResponse.BodyHandlers.ofString());
    }

    /** A token request; the demo operator's carries a code of one of their apps ({@link OperatorCodes}). */
    HttpRequest tokenPost(String email, String password) {
        var body = Json.createObjectBuilder().add("email", email).add("password", password);
        if (OperatorCodes.isOperator(email)) {
            try {
                body.add("otp", OperatorCodes.next(base));
            } catch (Exception e) {
                throw new IllegalStateException("No code for the operator", e);
            }
        }
        return HttpRequest.newBuilder(uri("/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build();
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        return send(token, "GET", path, null);
    }

    HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> answer) {
        return Jwts.json(answer.body());
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }
}
