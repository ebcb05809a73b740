package fr.moncompte.portal.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, point 2: a person's status is theirs everywhere, while the right to change it is per company. The firm's
 * administrator, who may change the caterer (billed through the firm), may not disable a person who also belongs to
 * the garage, another client's company: he removes them from his companies instead, which ends their membership and
 * access there, is audited and told to them, and leaves the garage's side as it was.
 */
@Order(126)
@RunAsClient
class TenantChangesIT extends DeployedPortal {

    static final String PASSWORD = People.PASSWORD;

    @ArquillianResource
    URL portal;

    @Test
    void an_administrator_of_one_company_removes_a_person_from_it_but_cannot_disable_them_elsewhere()
            throws Exception {
        Api api = new Api(portal);
        String marc = api.token(IsolationMatrixIT.MARC, PASSWORD);
        String luc = api.token(ApiIT.LUC, PASSWORD);
        Fixtures.Person nadia = Fixtures.userOfTwo(IsolationMatrixIT.TRAITEUR, IsolationMatrixIT.GARAGE, "Nadia",
                "Deuxsocietes", "EN", "tenants.it.example");
        assertEquals(204, api.send(marc, "PUT", "/api/v1/users/" + nadia.id() + "/access/"
                + IsolationMatrixIT.TRAITEUR + "/GED", null).statusCode());

        HttpResponse<String> disable = api.send(marc, "PUT", "/api/v1/users/" + nadia.id() + "/status",
                "{\"enabled\":false}");
        assertEquals(422, disable.statusCode(), disable.body());
        assertEquals("users.beyondReach", Api.json(disable).getString("code"));
        assertEquals("ACTIVE", Api.json(api.get(luc, "/api/v1/users/" + nadia.id())).getString("status"),
                "nothing changed on the garage's side");

        HttpResponse<String> removed = api.send(marc, "DELETE", "/api/v1/users/" + nadia.id() + "/memberships",
                null);
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(1, Api.json(removed).getInt("removed"));
        assertEquals(404, api.get(marc, "/api/v1/users/" + nadia.id()).statusCode(), "out of the firm's sight");

        JsonObject seenByLuc = Api.json(api.get(luc, "/api/v1/users/" + nadia.id()));
        assertEquals("ACTIVE", seenByLuc.getString("status"));
        JsonObject herself = Api.json(api.get(api.token(nadia.email(), PASSWORD), "/api/v1/me"));
        assertFalse(herself.toString().contains("\"companyId\":" + IsolationMatrixIT.TRAITEUR)
                        || herself.toString().contains("\"id\":" + IsolationMatrixIT.TRAITEUR + ","),
                "the caterer and its access are gone: " + herself);

        MimeMessage told = Mailbox.await(message -> Mailbox.to(nadia.email()).test(message)
                && Mailbox.subjectOf(message).startsWith("You are no longer a member of"), 1, 60_000).get(0);
        assertTrue(Mailbox.text(told).contains("Your other companies do not change"), Mailbox.text(told));

        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        JsonObject audit = Api.json(api.get(ops, "/api/v1/audit-events?action=USER_REMOVED_FROM_COMPANY&actor="
                + IsolationMatrixIT.MARC));
        assertTrue(audit.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("targetId").equals(Long.toString(nadia.id()))
                        && e.getString("before", "").equals("company=" + IsolationMatrixIT.TRAITEUR)), audit.toString());

        // Luc, who administers every company left to her, may now disable her everywhere.
        assertEquals(200, api.send(luc, "PUT", "/api/v1/users/" + nadia.id() + "/status", "{\"enabled\":false}")
                .statusCode());
    }

    @Test
    void the_users_page_says_why_and_offers_the_removal_instead_of_disabling() throws Exception {
        Fixtures.Person paul = Fixtures.userOfTwo(IsolationMatrixIT.TRAITEUR, IsolationMatrixIT.GARAGE, "Paul",
                "Deuxsocietes", "FR", "tenants.it.example");
        FormClient marc = new FormClient(portal, "fr");
        assertTrue(marc.signIn(IsolationMatrixIT.MARC, PASSWORD));
        String page = "/users/user.xhtml?id=" + paul.id();
        String shown = marc.get(page).body();
        assertTrue(shown.contains("fait aussi partie d&#39;entreprises que vous n&#39;administrez pas")
                || shown.contains("fait aussi partie d'entreprises que vous n'administrez pas"), shown);
        assertFalse(shown.contains("changeStatus:disable"), "no button to disable");

        String asked = marc.submit(page, "changeStatus", java.util.Map.of("remove", "")).body();
        assertTrue(asked.contains("changeStatus:confirmRemove"), asked);
        HttpResponse<String> done = marc.submit(page, "changeStatus", java.util.Map.of("confirmRemove", ""));
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(FormClient.location(done).contains("/users/index.xhtml"), FormClient.location(done));
        String list = marc.get("/users/index.xhtml").body(); // the flash message, on the page led to
        assertTrue(list.contains("Retiré(e) de 1 entreprise(s)"), list);
        assertEquals(404, marc.get(page).statusCode(), "out of the firm's sight");
    }
}
