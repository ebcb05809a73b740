package fr.moncompte.portal.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, points 5 and 6: the lists as a French spreadsheet opens them (BOM, ';', accents), searched and scoped as
 * on screen; a person's own data as JSON with their sign-ins; an operator erases a person, who then appears nowhere
 * and signs in no more, while invoices stay; the last administrator of an account is not erased.
 */
@Order(128)
@RunAsClient
class PersonalDataIT extends DeployedPortal {

    static final String PASSWORD = People.PASSWORD;

    @ArquillianResource
    URL portal;

    @Test
    void the_users_csv_opens_in_a_french_spreadsheet_with_accents_and_only_what_the_list_shows() throws Exception {
        FormClient claire = new FormClient(portal, "fr");
        assertTrue(claire.signIn(IsolationMatrixIT.CLAIRE, PASSWORD));
        HttpResponse<byte[]> all = claire.bytes("/users/export.csv");
        assertEquals(200, all.statusCode());
        assertTrue(all.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(all.headers().firstValue("Content-Disposition").orElse("").contains("utilisateurs-"));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(all.body(), 3), "BOM");
        List<String> lines = new String(all.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("Nom;Prénom;Adresse e-mail;Téléphone;Langue;Statut", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Lefèvre;Paul;paul.lefevre@boulangerie-martin.example;")),
                lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("garage-petit")), "another client's people stay out");

        List<String> searched = new String(claire.bytes("/users/export.csv?q=lefevre").body(),
                StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals(lines.get(0), searched.get(0));
        assertTrue(searched.contains(lines.stream().filter(l -> l.startsWith("Lefèvre;Paul;")).findFirst().orElseThrow()));
        assertTrue(searched.stream().skip(1).allMatch(l -> l.startsWith("Lefèvre")), "only what the search finds, as"
                + " the list: " + searched);
        assertTrue(searched.size() < lines.size());

        FormClient paul = new FormClient(portal, "fr");
        assertTrue(paul.signIn(BillingIT.PAUL, PASSWORD));
        assertEquals(403, paul.bytes("/users/export.csv").statusCode());
        assertEquals(403, paul.bytes("/operations/audit.csv").statusCode());
    }

    @Test
    void the_invoices_csv_holds_the_invoices_the_filter_shows() throws Exception {
        FormClient claire = new FormClient(portal, "fr");
        assertTrue(claire.signIn(IsolationMatrixIT.CLAIRE, PASSWORD));
        String month = BillingIT.CURRENT.minusMonths(1).toString();
        List<String> lines = new String(claire.bytes("/invoices/export.csv?from=" + month + "&to=" + month).body(),
                StandardCharsets.UTF_8).substring(1).lines().toList();
        Api api = new Api(portal);
        long shown = Api.json(api.get(api.token(IsolationMatrixIT.CLAIRE, PASSWORD), "/api/v1/invoices?from=" + month
                + "&to=" + month)).getJsonNumber("total").longValue();
        assertEquals(shown + 1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Numéro;Type;Entreprise;SIREN;Mois facturé;"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(";")[4].equals(month)), lines.toString());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(";")[8].matches("\\d+,\\d{2}")), "decimal comma");

        String page = claire.get("/account/invoices.xhtml").body();
        String figures = page.substring(page.indexOf("id=\"invoicedChartFigures\""));
        figures = figures.substring(0, figures.indexOf("</table>"));
        assertEquals(12, figures.split("scope=\"row\"").length - 1, "twelve months in words beside the chart");
        assertTrue(page.contains("role=\"img\"") && page.contains("<desc id=\"invoicedChartDesc\">De "), "the chart"
                + " is an image with its text alternative");

        HttpResponse<byte[]> zip = claire.bytes("/invoices/archive.zip?from=" + month + "&to=" + month);
        assertEquals(200, zip.statusCode());
        List<String> pdfs = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                byte[] pdf = entries.readAllBytes();
                assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), entry.getName());
                pdfs.add(entry.getName());
            }
        }
        assertEquals(lines.stream().skip(1).map(l -> l.split(";")[0] + ".pdf").sorted().toList(),
                pdfs.stream().sorted().toList(), "one PDF per invoice the list shows");
    }

    @Test
    void a_person_downloads_their_data_with_their_sign_ins() throws Exception {
        Fixtures.Person ines = Fixtures.user(IsolationMatrixIT.BOULANGERIE, "Inès", "Données", "FR", "data.it.example");
        FormClient hers = new FormClient(portal, "fr");
        assertTrue(hers.signIn(ines.email(), PASSWORD));
        HttpResponse<byte[]> download = hers.bytes("/account/my-data.json");
        assertEquals(200, download.statusCode());
        JsonObject data = Jwts.json(new String(download.body(), StandardCharsets.UTF_8));
        assertEquals(ines.email(), data.getJsonObject("account").getString("email"));
        assertEquals(ines.lastName(), data.getJsonObject("account").getString("lastName"));
        assertTrue(data.getJsonArray("signIns").stream().map(JsonValue::asJsonObject)
                .anyMatch(s -> s.getBoolean("succeeded")), data.getJsonArray("signIns").toString());
        assertFalse(data.getJsonArray("sessions").isEmpty());
        assertTrue(data.getJsonArray("companies").stream().map(JsonValue::asJsonObject)
                .anyMatch(c -> c.getString("siren").equals("732829320")));
        assertFalse(data.getJsonArray("notificationPreferences").isEmpty());
        assertFalse(new String(download.body(), StandardCharsets.UTF_8).contains("passwordHash"));

        Api api = new Api(portal);
        JsonObject viaApi = Jwts.json(api.get(api.token(ines.email(), PASSWORD), "/api/v1/me/data").body());
        assertEquals(ines.email(), viaApi.getJsonObject("account").getString("email"));
        assertTrue(viaApi.getJsonArray("auditEvents").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("action").equals("PERSONAL_DATA_EXPORTED")), "the download is audited");
    }

    @Test
    void an_erased_person_appears_nowhere_and_signs_in_no_more_while_invoices_stay() throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        String claire = api.token(IsolationMatrixIT.CLAIRE, PASSWORD);
        Fixtures.Person gone = Fixtures.user(IsolationMatrixIT.BOULANGERIE, "Effie", "Oubliée", "FR",
                "erased.it.example");
        String theirs = api.token(gone.email(), PASSWORD);
        assertEquals(204, api.send(claire, "PUT", "/api/v1/users/" + gone.id() + "/access/"
                + IsolationMatrixIT.BOULANGERIE + "/COMPTA", null).statusCode());
        String invoices = api.get(claire, "/api/v1/invoices?size=100").body();

        assertEquals(204, api.send(ops, "DELETE", "/api/v1/users/" + gone.id(), null).statusCode());

        assertEquals(404, api.get(claire, "/api/v1/users/" + gone.id()).statusCode(), "gone from Utilisateurs");
        assertFalse(api.get(claire, "/api/v1/users?q=oubliee").body().contains(gone.email()));
        assertFalse(api.get(ops, "/api/v1/clients?q=" + gone.email()).body().contains("PERSON"));
        assertEquals(401, api.get(theirs, "/api/v1/me").statusCode(), "their token ends with their sessions");
        assertEquals(401, api.tokenRequest(gone.email(), PASSWORD).statusCode(), "and they sign in no more");
        assertEquals(invoices, api.get(claire, "/api/v1/invoices?size=100").body(), "the invoices are as they were");
        assertEquals(404, api.send(ops, "DELETE", "/api/v1/users/" + gone.id(), null).statusCode(), "only once");

        // Someone Claire invited: the audit log named them; it names them no more.
        String invitedEmail = "noe." + System.nanoTime() + "@erased.it.example";
        assertEquals(202, api.send(claire, "POST", "/api/v1/users", "{\"firstName\":\"Noé\",\"lastName\":"
                + "\"Invisible\",\"email\":\"" + invitedEmail + "\",\"language\":\"fr\",\"companyId\":"
                + IsolationMatrixIT.BOULANGERIE + ",\"applications\":[\"COMPTA\"],\"administrator\":false}")
                .statusCode());
        String invitedId = createdBy(api, ops, invitedEmail).getString("targetId");
        assertEquals(204, api.send(ops, "DELETE", "/api/v1/users/" + invitedId, null).statusCode());
        JsonObject masked = Api.json(api.get(ops, "/api/v1/audit-events?action=USER_CREATED&actor="
                + IsolationMatrixIT.CLAIRE)).getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("targetId").equals(invitedId)).findFirst().orElseThrow();
        assertFalse(masked.toString().contains(invitedEmail), masked.toString());
        assertTrue(masked.getString("after").contains("[effacé]"), masked.toString());
        assertEquals(404, api.get(claire, "/api/v1/users/" + invitedId).statusCode());

        // The only active administrator of an account of its own (another test may have given Claire's a second one).
        String siren = OnboardingIT.siren();
        long company = Api.json(api.send(ops, "POST", "/api/v1/clients/customers", OnboardingIT.customer(
                "Seule Administratrice " + siren, siren, "invitee." + siren + "@erased.it.example", "fr")))
                .getJsonNumber("companyId").longValue();
        Fixtures.Person sole = Fixtures.administrator(company, "Solène", "Seule", "FR", "erased.it.example");
        HttpResponse<String> last = api.send(ops, "DELETE", "/api/v1/users/" + sole.id(), null);
        assertEquals(422, last.statusCode(), last.body());
        assertEquals("erasure.lastAdministrator", Api.json(last).getString("code"));
        assertEquals(403, api.send(claire, "DELETE", "/api/v1/users/" + gone.id(), null).statusCode());
    }

    private static JsonObject createdBy(Api api, String ops, String email) throws Exception {
        return Api.json(api.get(ops, "/api/v1/audit-events?action=USER_CREATED&actor=" + IsolationMatrixIT.CLAIRE))
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("after", "").contains(email)).findFirst().orElseThrow();
    }
}
