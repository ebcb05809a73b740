package fr.moncompte.portal.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, point 2: a person's status is theirs everywhere, while the right to change it is per company. The firm's
 * administrator, who may change the caterer (billed through the firm), may not disable a person who also belongs to
 * the garage, another client's company: he removes them from his companies instead, which ends their membership and
 * access there, is audited and told to them, and leaves the garage's side as it was. An administrator who types the
 * address of someone who has an account already invites them to join (the answer is the same as for a new person,
 * point 9); they accept or decline in Mon compte.
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

    private static final Pattern ACCEPT_BUTTON = Pattern.compile("name=\"invitations:([^\"]*:accept)\"");

    @Test
    void an_address_with_an_account_is_invited_to_join_and_the_administrator_cannot_tell() throws Exception {
        Api api = new Api(portal);
        String claire = api.token(IsolationMatrixIT.CLAIRE, PASSWORD);
        Fixtures.Person lena = Fixtures.user(IsolationMatrixIT.GARAGE, "Lena", "Ailleurs", "EN",
                "tenants.it.example");
        String fresh = "nouvelle." + System.nanoTime() + "@tenants.it.example";

        HttpResponse<String> forNew = api.send(claire, "POST", "/api/v1/users", newUser(fresh));
        HttpResponse<String> forExisting = api.send(claire, "POST", "/api/v1/users", newUser(lena.email()));
        HttpResponse<String> forOperator = api.send(claire, "POST", "/api/v1/users",
                newUser(IsolationMatrixIT.OPS));
        assertEquals(202, forNew.statusCode(), forNew.body());
        assertEquals(202, forExisting.statusCode(), forExisting.body());
        assertEquals(202, forOperator.statusCode(), forOperator.body());
        assertEquals(forNew.body().replace(fresh, "@"), forExisting.body().replace(lena.email(), "@"),
                "the same answer for a new address and for one that has an account");
        assertEquals(forNew.body().replace(fresh, "@"), forOperator.body().replace(IsolationMatrixIT.OPS, "@"));
        assertEquals(headerNames(forNew), headerNames(forExisting));
        assertTrue(forNew.headers().firstValue("Location").isEmpty(), "no id of the new account either");
        HttpResponse<String> newAgain = api.send(claire, "POST", "/api/v1/users", newUser(fresh));
        HttpResponse<String> existingAgain = api.send(claire, "POST", "/api/v1/users", newUser(lena.email()));
        assertEquals(202, newAgain.statusCode(), newAgain.body());
        assertEquals(newAgain.body().replace(fresh, "@"), existingAgain.body().replace(lena.email(), "@"),
                "sent twice: still the same answer");
        HttpResponse<String> herself = api.send(claire, "POST", "/api/v1/users",
                newUser(IsolationMatrixIT.CLAIRE));
        assertEquals(422, herself.statusCode(), herself.body());
        assertTrue(herself.body().contains("users.inviteYourself"), herself.body());

        // Until she answers, Lena is not a member: Claire does not see her, and nothing changed on her account.
        assertEquals(404, api.get(claire, "/api/v1/users/" + lena.id()).statusCode());
        java.util.function.Predicate<MimeMessage> invitedLena = message -> Mailbox.to(lena.email()).test(message)
                && Mailbox.subjectOf(message).equals("Claire Martin invites you to join Boulangerie Martin SARL");
        MimeMessage told = Mailbox.await(invitedLena, 1, 60_000).get(0);
        assertEquals(1, Mailbox.settled(invitedLena).size(), "invited twice, mailed once");
        assertTrue(Mailbox.text(told).contains("My account › Information"), Mailbox.text(told));
        assertFalse(Mailbox.text(told).contains("token="), "nothing secret: she answers signed in");

        String lenaToken = api.token(lena.email(), PASSWORD);
        JsonArray waiting = Json.array(api.get(lenaToken, "/api/v1/me/invitations"));
        assertEquals(1, waiting.size(), waiting.toString());
        JsonObject invitation = waiting.getJsonObject(0);
        assertEquals(IsolationMatrixIT.BOULANGERIE, invitation.getJsonNumber("companyId").longValue());
        assertEquals("Claire Martin", invitation.getString("invitedBy"));
        assertEquals("[\"COMPTA\"]", invitation.getJsonArray("applications").toString());
        String accept = "/api/v1/me/invitations/" + invitation.getString("id") + "/accept";

        String paul = api.token(IsolationMatrixIT.PAUL, PASSWORD);
        assertEquals(404, api.send(paul, "POST", accept, null).statusCode(), "someone else's invitation");
        assertEquals(404, api.send(lenaToken, "POST", "/api/v1/me/invitations/no-such-one/accept", null)
                .statusCode());

        HttpResponse<String> joined = api.send(lenaToken, "POST", accept, null);
        assertEquals(200, joined.statusCode(), joined.body());
        assertEquals("[\"COMPTA\"]", Api.json(joined).getJsonArray("applications").toString());
        JsonObject seen = Api.json(api.get(claire, "/api/v1/users/" + lena.id()));
        assertTrue(seen.getJsonArray("companies").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonNumber("companyId").longValue() == IsolationMatrixIT.BOULANGERIE)
                .flatMap(c -> c.getJsonArray("applications").stream().map(JsonValue::asJsonObject))
                .anyMatch(a -> a.getString("code").equals("COMPTA") && a.getBoolean("granted")), seen.toString());
        HttpResponse<String> twice = api.send(lenaToken, "POST", accept, null);
        assertEquals(422, twice.statusCode(), twice.body());
        assertEquals("companyInvitation.answered", Api.json(twice).getString("code"));

        HttpResponse<String> again = api.send(claire, "POST", "/api/v1/users", newUser(lena.email()));
        assertEquals(422, again.statusCode(), again.body());
        assertTrue(again.body().contains("users.alreadyMember"), again.body());

        // Invited as an administrator of the account by Claire, who administers it: accepted, it holds.
        Fixtures.Person maya = Fixtures.user(IsolationMatrixIT.GARAGE, "Maya", "Administre", "FR",
                "tenants.it.example");
        assertEquals(202, api.send(claire, "POST", "/api/v1/users", newUser(maya.email(), true)).statusCode());
        String mayaToken = api.token(maya.email(), PASSWORD);
        HttpResponse<String> appointed = api.send(mayaToken, "POST", "/api/v1/me/invitations/"
                + onlyInvitation(api, mayaToken) + "/accept", null);
        assertEquals(200, appointed.statusCode(), appointed.body());
        assertTrue(Api.json(appointed).getBoolean("administrator"), appointed.body());
        assertTrue(Api.json(api.get(api.token(maya.email(), PASSWORD), "/api/v1/me")).getJsonArray("roles")
                .toString().contains("CLIENT_ADMIN"), "her role is read from the database at once");

        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        JsonObject audit = Api.json(api.get(ops, "/api/v1/audit-events?action=COMPANY_INVITATION_ACCEPTED&actor="
                + lena.id()));
        assertEquals(1, audit.getJsonArray("items").size(), audit.toString());
        JsonObject notSent = Api.json(api.get(ops, "/api/v1/audit-events?action=COMPANY_INVITATION_NOT_SENT"));
        assertFalse(notSent.getJsonArray("items").isEmpty(), "the operator was not invited: " + notSent);
    }

    @Test
    void an_invitation_declined_expired_or_no_longer_backed_by_its_inviter_gives_nothing() throws Exception {
        Api api = new Api(portal);
        String domain = "tenants.it.example";
        Fixtures.Person amir = Fixtures.administrator(IsolationMatrixIT.BOULANGERIE, "Amir", "Invitant", "FR", domain);
        Fixtures.Person xavier = Fixtures.user(IsolationMatrixIT.GARAGE, "Xavier", "Refus", "FR", domain);
        Fixtures.Person yanis = Fixtures.user(IsolationMatrixIT.GARAGE, "Yanis", "Caduc", "FR", domain);
        Fixtures.Person zelie = Fixtures.user(IsolationMatrixIT.GARAGE, "Zelie", "Tard", "FR", domain);
        String amirToken = api.token(amir.email(), PASSWORD);
        for (Fixtures.Person person : List.of(xavier, yanis, zelie)) {
            assertEquals(202, api.send(amirToken, "POST", "/api/v1/users", newUser(person.email())).statusCode());
        }

        String xavierToken = api.token(xavier.email(), PASSWORD);
        String declined = "/api/v1/me/invitations/" + onlyInvitation(api, xavierToken) + "/decline";
        assertEquals(204, api.send(xavierToken, "POST", declined, null).statusCode());
        assertEquals(0, Json.array(api.get(xavierToken, "/api/v1/me/invitations")).size());
        assertEquals(422, api.send(xavierToken, "POST", declined, null).statusCode(), "answered already");
        assertEquals(404, api.get(amirToken, "/api/v1/users/" + xavier.id()).statusCode(), "still not a member");
        assertEquals(202, api.send(amirToken, "POST", "/api/v1/users", newUser(xavier.email())).statusCode());
        assertEquals(0, Json.array(api.get(xavierToken, "/api/v1/me/invitations")).size(),
                "who declined is not asked again at once, and Amir is answered as ever");

        // Amir is no longer an administrator: his invitation no longer holds.
        String claire = api.token(IsolationMatrixIT.CLAIRE, PASSWORD);
        assertEquals(204, api.send(claire, "DELETE", "/api/v1/users/" + amir.id() + "/roles/"
                + IsolationMatrixIT.CLAIRES_ACCOUNT, null).statusCode());
        String yanisToken = api.token(yanis.email(), PASSWORD);
        HttpResponse<String> voided = api.send(yanisToken, "POST", "/api/v1/me/invitations/"
                + onlyInvitation(api, yanisToken) + "/accept", null);
        assertEquals(422, voided.statusCode(), voided.body());
        assertEquals("companyInvitation.void", Api.json(voided).getString("code"));
        assertEquals(404, api.get(claire, "/api/v1/users/" + yanis.id()).statusCode(), "not a member");

        String zelieToken = api.token(zelie.email(), PASSWORD);
        String late = onlyInvitation(api, zelieToken);
        Fixtures.expireInvitationsOf(zelie.id());
        HttpResponse<String> expired = api.send(zelieToken, "POST", "/api/v1/me/invitations/" + late + "/accept",
                null);
        assertEquals(422, expired.statusCode(), expired.body());
        assertEquals("companyInvitation.expired", Api.json(expired).getString("code"));
        assertEquals(0, Json.array(api.get(zelieToken, "/api/v1/me/invitations")).size());
    }

    @Test
    void an_administrator_invites_so_many_people_an_hour_then_waits() throws Exception {
        Api api = new Api(portal);
        Fixtures.Person ines = Fixtures.administrator(IsolationMatrixIT.BOULANGERIE, "Ines", "Recrute", "EN",
                "tenants.it.example");
        String token = api.token(ines.email(), PASSWORD);
        int bound = 25; // portal.users.invitations-per-hour in the tests (portal-web/pom.xml)
        for (int i = 0; i < bound - 1; i++) {
            HttpResponse<String> sent = api.send(token, "POST", "/api/v1/users",
                    newUser("bound." + i + "." + System.nanoTime() + "@tenants.it.example"));
            assertEquals(202, sent.statusCode(), i + ": " + sent.body());
        }
        // The last one within the bound is an address with an account: it counts as a new one does.
        Fixtures.Person counted = Fixtures.user(IsolationMatrixIT.GARAGE, "Compte", "Aussi", "FR",
                "tenants.it.example");
        assertEquals(202, api.send(token, "POST", "/api/v1/users", newUser(counted.email())).statusCode());
        HttpResponse<String> refused = api.send(token, "POST", "/api/v1/users",
                newUser("bound.over." + System.nanoTime() + "@tenants.it.example"));
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("users.tooManyInvitations", Api.json(refused).getString("code"));
        assertEquals("3600", refused.headers().firstValue("Retry-After").orElse(""));
        assertTrue(Api.json(refused).getString("detail", refused.body()).contains("25 invitations dans l'heure"),
                refused.body());
        // An address with an account counts the same, and is refused the same: no difference to learn from.
        HttpResponse<String> existing = api.send(token, "POST", "/api/v1/users", newUser(ApiIT.LUC));
        assertEquals(refused.statusCode(), existing.statusCode());
        assertEquals(Api.json(refused).getString("code"), Api.json(existing).getString("code"));
    }

    @Test
    void the_person_accepts_on_mon_compte_and_the_administrator_sees_the_same_message_either_way() throws Exception {
        Fixtures.Person noah = Fixtures.user(IsolationMatrixIT.GARAGE, "Noah", "Surlapage", "EN",
                "tenants.it.example");
        FormClient claire = new FormClient(portal, "fr");
        assertTrue(claire.signIn(IsolationMatrixIT.CLAIRE, PASSWORD));
        String fresh = "page." + System.nanoTime() + "@tenants.it.example";
        assertEquals("Une invitation à rejoindre Boulangerie Martin SARL a été envoyée à " + fresh + ".",
                createdOnPage(claire, fresh));
        assertEquals("Une invitation à rejoindre Boulangerie Martin SARL a été envoyée à " + noah.email() + ".",
                createdOnPage(claire, noah.email()));

        FormClient noahPages = new FormClient(portal, "en");
        assertTrue(noahPages.signIn(noah.email(), PASSWORD));
        String page = noahPages.get("/account/informations.xhtml").body();
        assertTrue(page.contains("Claire Martin invites you to join the company Boulangerie Martin SARL."), page);
        assertTrue(page.contains("Access offered: Accounting."), page);
        Matcher button = ACCEPT_BUTTON.matcher(page);
        assertTrue(button.find(), page);
        String id = onlyInvitation(new Api(portal), new Api(portal).token(noah.email(), PASSWORD));
        // PrimeFaces writes it into the click's script, its hyphens escaped for JavaScript.
        assertTrue(page.contains(id) || page.contains(id.replace("-", "\\-")),
                "the button carries the invitation's id: " + page.substring(Math.max(0, page.indexOf("accept") - 200),
                        Math.min(page.length(), page.indexOf("accept") + 600)));
        HttpResponse<String> someoneElses = noahPages.submit("/account/informations.xhtml", "invitations",
                Map.of(button.group(1), ""), Map.of("invitation", "not-an-invitation"), true);
        assertEquals(200, someoneElses.statusCode(), "said on the page, not a failure");
        assertTrue(someoneElses.body().contains("This invitation does not exist, or no longer does."),
                someoneElses.body());
        noahPages.get("/account/informations.xhtml");
        HttpResponse<String> accepted = noahPages.submit("/account/informations.xhtml", "invitations",
                Map.of(button.group(1), ""), Map.of("invitation", id), true);
        assertEquals(302, accepted.statusCode(), accepted.body());
        String after = noahPages.get("/account/informations.xhtml").body();
        assertTrue(after.contains("You are now a member of the company Boulangerie Martin SARL."), after);
        assertFalse(after.contains("invitationsHeading"), "nothing left to answer");
        assertTrue(after.contains("Boulangerie Martin SARL"), "her access there is listed");
    }

    /** Fills "Utilisateurs › +" for Boulangerie Martin with Comptabilité; the message the list then shows. */
    private String createdOnPage(FormClient claire, String email) throws Exception {
        String form = "/users/new.xhtml?company=" + IsolationMatrixIT.BOULANGERIE;
        claire.get(form);
        HttpResponse<String> sent = claire.submit(form, "newUser", Map.of("firstName", "Nouvelle",
                "lastName", "Personne", "email", email, "language", "fr",
                "company", Long.toString(IsolationMatrixIT.BOULANGERIE), "applications", "COMPTA", "create", ""));
        assertEquals(302, sent.statusCode(), sent.body());
        assertTrue(FormClient.location(sent).contains("/users/index.xhtml"), FormClient.location(sent));
        String list = claire.get("/users/index.xhtml").body();
        Matcher message = Pattern.compile("Une invitation à rejoindre [^<]*?\\.(?=<)").matcher(list);
        assertTrue(message.find(), list);
        return message.group();
    }

    private static String onlyInvitation(Api api, String token) throws Exception {
        JsonArray waiting = Json.array(api.get(token, "/api/v1/me/invitations"));
        assertEquals(1, waiting.size(), waiting.toString());
        return waiting.getJsonObject(0).getString("id");
    }

    private static String newUser(String email) {
        return newUser(email, false);
    }

    private static String newUser(String email, boolean administrator) {
        return "{\"firstName\":\"Nouvelle\",\"lastName\":\"Personne\",\"email\":\"" + email
                + "\",\"language\":\"fr\",\"companyId\":" + IsolationMatrixIT.BOULANGERIE
                + ",\"applications\":[\"COMPTA\"],\"administrator\":" + administrator + "}";
    }

    private static java.util.Set<String> headerNames(HttpResponse<String> answer) {
        java.util.Set<String> names = new java.util.TreeSet<>(answer.headers().map().keySet());
        names.remove("date");
        return names;
    }

    /** JSON arrays as the API answers them. */
    private static final class Json {
        static JsonArray array(HttpResponse<String> answer) {
            assertEquals(200, answer.statusCode(), answer.body());
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(
                    new java.io.StringReader(answer.body()))) {
                return reader.readArray();
            }
        }
    }
}
