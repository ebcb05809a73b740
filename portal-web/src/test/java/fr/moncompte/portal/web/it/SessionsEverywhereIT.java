package fr.moncompte.portal.web.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, points 1, 6 and 13: a session ended anywhere ends for every URL of the browser that held it, the PDF
 * download as well as the pages; so does the account's being disabled; a role taken away is gone at the next click;
 * and the API's tokens carry the portal's audience and end with the session they were issued to.
 */
@Order(125)
@RunAsClient
class SessionsEverywhereIT extends DeployedPortal {

    static final String PASSWORD = People.PASSWORD;
    static final String CLAIRE = IsolationMatrixIT.CLAIRE;
    static final long BOULANGERIE = IsolationMatrixIT.BOULANGERIE;

    @ArquillianResource
    URL portal;

    /** A person of the bakery whom Claire makes an administrator of her account, so that they see its invoices. */
    private Fixtures.Person administrator(Api api, String claire) throws Exception {
        Fixtures.Person omar = Fixtures.user(BOULANGERIE, "Omar", "Sessions", "FR", "boulangerie-martin.example");
        HttpResponse<String> made = api.send(claire, "PUT", "/api/v1/users/" + omar.id() + "/roles/"
                + IsolationMatrixIT.CLAIRES_ACCOUNT, null);
        assertEquals(204, made.statusCode(), made.body());
        return omar;
    }

    private static long anInvoiceOf(Api api, String token, long company) throws Exception {
        JsonObject invoices = Api.json(api.get(token, "/api/v1/invoices?company=" + company + "&size=1"));
        assertFalse(invoices.getJsonArray("items").isEmpty(), invoices.toString());
        return invoices.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static void signedOut(HttpResponse<?> answer, String what) {
        assertEquals(302, answer.statusCode(), what);
        assertTrue(answer.headers().firstValue("Location").orElse("").contains("/login.xhtml?ended=true"),
                what + ": " + answer.headers().firstValue("Location"));
    }

    @Test
    void sessions_ended_from_another_browser_sign_out_the_pdf_download_as_well_as_the_pages() throws Exception {
        Api api = new Api(portal);
        String claire = api.token(CLAIRE, PASSWORD);
        Fixtures.Person omar = administrator(api, claire);
        long invoice = anInvoiceOf(api, claire, BOULANGERIE);

        FormClient a = new FormClient(portal, "fr");
        assertTrue(a.signIn(omar.email(), PASSWORD));
        HttpResponse<byte[]> pdf = a.bytes("/invoices/pdf?id=" + invoice);
        assertEquals(200, pdf.statusCode());
        assertEquals("no-store", pdf.headers().firstValue("Cache-Control").orElse("").replace("private, ", ""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        String token = api.token(omar.email(), PASSWORD);

        FormClient b = new FormClient(portal, "fr");
        assertTrue(b.signIn(omar.email(), PASSWORD));
        b.get("/account/security.xhtml");
        assertEquals(200, b.submit("/account/security.xhtml", "sessions", Map.of("endOthers", "")).statusCode());

        signedOut(a.bytes("/invoices/pdf?id=" + invoice), "the PDF, from the ended session");
        assertEquals(302, a.get("/account/informations.xhtml").statusCode(), "and its pages");
        assertEquals(401, api.get(token, "/api/v1/me").statusCode(), "and the token issued before, a session too");
        assertEquals(200, b.bytes("/invoices/pdf?id=" + invoice).statusCode(), "the session that ended them goes on");
    }

    @Test
    void a_disabled_account_and_a_role_taken_away_count_at_the_next_request_whatever_its_path() throws Exception {
        Api api = new Api(portal);
        String claire = api.token(CLAIRE, PASSWORD);
        Fixtures.Person omar = administrator(api, claire);
        long invoice = anInvoiceOf(api, claire, BOULANGERIE);
        FormClient browser = new FormClient(portal, "fr");
        assertTrue(browser.signIn(omar.email(), PASSWORD));
        assertEquals(200, browser.bytes("/invoices/pdf?id=" + invoice).statusCode());
        String token = api.token(omar.email(), PASSWORD);
        assertEquals(200, api.get(token, "/api/v1/invoices").statusCode());

        // No longer an administrator: the sessions end (SPEC §4 rule 3); signed in again, the role is gone on pages,
        // PDF and API alike.
        assertEquals(204, api.send(claire, "DELETE", "/api/v1/users/" + omar.id() + "/roles/"
                + IsolationMatrixIT.CLAIRES_ACCOUNT, null).statusCode());
        signedOut(browser.bytes("/invoices/pdf?id=" + invoice), "the PDF, once the role is taken away");
        assertEquals(401, api.get(token, "/api/v1/invoices").statusCode(), "a token claiming the lost role");
        assertTrue(browser.signIn(omar.email(), PASSWORD));
        assertEquals(403, browser.bytes("/invoices/pdf?id=" + invoice).statusCode());
        assertEquals(403, browser.get("/users/index.xhtml").statusCode());
        String userToken = api.token(omar.email(), PASSWORD);
        assertEquals(403, api.get(userToken, "/api/v1/invoices").statusCode());

        // Disabled: everything ends.
        assertEquals(200, api.send(claire, "PUT", "/api/v1/users/" + omar.id() + "/status", "{\"enabled\":false}")
                .statusCode());
        signedOut(browser.bytes("/invoices/pdf?id=" + invoice), "the PDF of a disabled person's session");
        assertEquals(401, api.get(userToken, "/api/v1/me").statusCode());
    }

    @Test
    void a_token_is_for_the_portal_api_and_signing_it_out_ends_it() throws Exception {
        Api api = new Api(portal);
        Fixtures.Person paul = Fixtures.user(BOULANGERIE, "Paul", "Jetons", "EN", "boulangerie-martin.example");
        String token = api.token(paul.email(), PASSWORD);
        JsonObject claims = Jwts.decode(token.split("\\.")[1]);
        assertEquals("moncompte-portal-api", claims.getString("aud"));
        assertNotEquals("", claims.getString("sid"));
        String other = api.token(paul.email(), PASSWORD);

        assertEquals(204, api.send(token, "DELETE", "/api/v1/auth/token", null).statusCode());
        HttpResponse<String> after = api.get(token, "/api/v1/me");
        assertEquals(401, after.statusCode());
        assertEquals("api.token.refused", Api.json(after).getString("code"));
        assertEquals(200, api.get(other, "/api/v1/me").statusCode(), "another session's token goes on");
    }

    /**
     * Point 13: what a forged or tampered session in the cluster's replicated store would hold gives nothing. The
     * roles come from the database at each request, and the session record must be that account's and open.
     */
    @Test
    void a_forged_or_tampered_session_gives_nothing() throws Exception {
        Fixtures.Person paul = Fixtures.user(BOULANGERIE, "Paul", "Forge", "FR", "boulangerie-martin.example");
        FormClient tampered = new FormClient(portal, "fr");
        assertTrue(tampered.signIn(paul.email(), PASSWORD));
        assertEquals("forged", tampered.probe("/it/forge", "groups=USER,OPERATOR,CLIENT_ADMIN"));
        assertEquals(403, tampered.get("/operations/audit.xhtml").statusCode(), "the groups written in the session");
        assertEquals(403, tampered.get("/users/index.xhtml").statusCode());
        assertEquals(200, tampered.get("/account/informations.xhtml").statusCode(), "still Paul, as a user");

        FormClient forged = new FormClient(portal, "fr");
        assertEquals("forged", forged.probe("/it/forge", "email=" + IsolationMatrixIT.OPS
                + "&groups=USER,OPERATOR&record=00000000-0000-0000-0000-000000000000"));
        signedOut(forged.get("/operations/audit.xhtml"), "a session naming the operator, with no record of hers");
    }
}
