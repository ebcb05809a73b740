package fr.moncompte.portal.web.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 over every boundary method and page of the administration spaces: each role of each tenant (the demo's two
 * client accounts, the firm, a user, an operator) against the other tenants' ids. Foreign ids answer "not found",
 * exactly as unknown ones; a user may call none of it; an operator reads and changes nothing; and nothing changes.
 * The rules inside a scope (FIRM-billed read-only for the client, configured applications only) are checked at the
 * same boundaries. Every call goes through a real sign-in and the EJB container's own security.
 */
@Order(80)
@RunAsClient
class IsolationMatrixIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String OMAR = "omar.haddad@garage-petit.example";
    static final String MARC = "comptable@cabinet-durand.example";
    static final String PAUL = "paul.lefevre@boulangerie-martin.example";
    static final String OPS = "ops@moncompte.example";

    // Companies: 30 Boulangerie Martin (Claire's account, DIRECT), 31 Martin Traiteur (Claire's account, billed
    // through Marc's firm), 32 Garage Petit (Omar's account). People: Paul (4) and Inès (13) of 30, Victor (14) of
    // 31, Emma (6) of 32, Claire (3) of 30 and 31.
    static final long BOULANGERIE = 30;
    static final long TRAITEUR = 31;
    static final long GARAGE = 32;

    /** What each administrator may not see: companies and people of the other tenants. */
    static final Map<String, List<Long>> FOREIGN_COMPANIES = Map.of(
            CLAIRE, List.of(GARAGE, 999_999L),
            OMAR, List.of(BOULANGERIE, TRAITEUR),
            MARC, List.of(BOULANGERIE, GARAGE));
    static final Map<String, Map<Long, Long>> FOREIGN_USERS = Map.of(
            // user → one of their companies
            CLAIRE, Map.of(6L, GARAGE, 15L, GARAGE),
            OMAR, Map.of(4L, BOULANGERIE, 14L, TRAITEUR, 3L, BOULANGERIE),
            MARC, Map.of(4L, BOULANGERIE, 6L, GARAGE, 13L, BOULANGERIE));

    static final List<String> COMPANY_CALLS = List.of("company", "companyApplications", "companyAccess",
            "updateCompany", "creationCompany", "creationApplications", "create");
    static final List<String> USER_CALLS = List.of("user", "disable", "enable", "resendInvitation", "userAccess",
            "roles");
    static final List<String> WRITES = List.of("updateCompany", "creationCompany", "creationApplications", "create",
            "disable", "enable", "resendInvitation", "grant", "revoke", "appoint", "demote");
    /** Customer accounts: Boulangerie Martin (Claire's), Garage Petit (Omar's). */
    static final long CLAIRES_ACCOUNT = 11;
    static final long GARAGE_ACCOUNT = 12;

    @ArquillianResource
    URL portal;

    @Test
    void no_role_of_any_tenant_reaches_another_tenants_companies_or_people_through_a_boundary() throws Exception {
        String before = fingerprint();
        List<String> leaks = new ArrayList<>();
        for (String admin : List.of(CLAIRE, OMAR, MARC)) {
            FormClient client = signedIn(admin);
            for (long company : FOREIGN_COMPANIES.get(admin)) {
                for (String call : COMPANY_CALLS) {
                    expect(leaks, admin, client, "not-found", call, company, 0, "COMPTA");
                }
            }
            for (Map.Entry<Long, Long> user : FOREIGN_USERS.get(admin).entrySet()) {
                for (String call : USER_CALLS) {
                    expect(leaks, admin, client, "not-found", call, user.getKey(), 0, null);
                }
                expect(leaks, admin, client, "not-found", "grant", user.getKey(), user.getValue(), "COMPTA");
                expect(leaks, admin, client, "not-found", "revoke", user.getKey(), user.getValue(), "COMPTA");
                for (long account : List.of(CLAIRES_ACCOUNT, GARAGE_ACCOUNT)) {
                    expect(leaks, admin, client, "not-found", "appoint", user.getKey(), account, null);
                    expect(leaks, admin, client, "not-found", "demote", user.getKey(), account, null);
                }
            }
        }
        // One's own person on a foreign company, and on an own company they do not belong to.
        FormClient claire = signedIn(CLAIRE);
        expect(leaks, CLAIRE, claire, "not-found", "grant", 13, GARAGE, "COMPTA");
        expect(leaks, CLAIRE, claire, "not-found", "grant", 4, TRAITEUR, "COMPTA");
        FormClient marc = signedIn(MARC);
        expect(leaks, MARC, marc, "not-found", "grant", 14, BOULANGERIE, "COMPTA");

        // A user may call none of it, not even on their own company and themselves.
        FormClient paul = signedIn(PAUL);
        for (String call : COMPANY_CALLS) {
            expect(leaks, PAUL, paul, "denied", call, BOULANGERIE, 0, "COMPTA");
        }
        for (String call : USER_CALLS) {
            expect(leaks, PAUL, paul, "denied", call, 4, 0, null);
        }
        expect(leaks, PAUL, paul, "denied", "grant", 4, BOULANGERIE, "FACTU");
        expect(leaks, PAUL, paul, "denied", "appoint", 4, CLAIRES_ACCOUNT, null);

        // An operator reads every tenant and changes nothing.
        FormClient ops = signedIn(OPS);
        for (long company : List.of(BOULANGERIE, TRAITEUR, GARAGE)) {
            for (String call : COMPANY_CALLS) {
                expect(leaks, OPS, ops, WRITES.contains(call) ? "denied" : "ok", call, company, 0, "COMPTA");
            }
        }
        for (String call : USER_CALLS) {
            expect(leaks, OPS, ops, WRITES.contains(call) ? "denied" : "ok", call, 6, 0, null);
        }
        expect(leaks, OPS, ops, "denied", "grant", 6, GARAGE, "BANQUE");
        expect(leaks, OPS, ops, "denied", "revoke", 6, GARAGE, "COMPTA");
        expect(leaks, OPS, ops, "denied", "appoint", 6, GARAGE_ACCOUNT, null);
        // An account of another tenant named with one's own person: not found either.
        expect(leaks, CLAIRE, claire, "not-found", "appoint", 13, GARAGE_ACCOUNT, null);

        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        assertEquals(before, fingerprint(), "access, accounts, memberships, companies and links unchanged");
    }

    @Test
    void inside_a_scope_the_firm_billed_company_is_read_only_for_the_client_and_only_configured_applications_are_granted()
            throws Exception {
        String before = fingerprint();
        List<String> wrong = new ArrayList<>();
        FormClient claire = signedIn(CLAIRE);
        // Rule 3: Martin Traiteur is billed through Cabinet Durand: Claire reads it, the firm acts.
        expect(wrong, CLAIRE, claire, "ok", "companyAccess", TRAITEUR, 0, null);
        expect(wrong, CLAIRE, claire, "ok", "userAccess", 14, 0, null);
        expect(wrong, CLAIRE, claire, "refused:companies.readOnly", "updateCompany", TRAITEUR, 0, null);
        expect(wrong, CLAIRE, claire, "refused:access.readOnly", "grant", 14, TRAITEUR, "GED");
        expect(wrong, CLAIRE, claire, "refused:access.readOnly", "revoke", 14, TRAITEUR, "COMPTA");
        expect(wrong, CLAIRE, claire, "refused:users.readOnlyChange", "disable", 14, 0, null);
        expect(wrong, CLAIRE, claire, "refused:users.createReadOnly", "creationCompany", TRAITEUR, 0, null);
        expect(wrong, CLAIRE, claire, "refused:users.createReadOnly", "create", TRAITEUR, 0, null);
        // Rule 2: Banque is not configured on Boulangerie Martin; nor is a made-up code.
        expect(wrong, CLAIRE, claire, "refused:access.notConfigured", "grant", 13, BOULANGERIE, "BANQUE");
        expect(wrong, CLAIRE, claire, "refused:access.notConfigured", "grant", 13, BOULANGERIE, "NOPE");
        expect(wrong, CLAIRE, claire, "refused:access.notConfigured", "create", BOULANGERIE, 0, "BANQUE");
        // Nobody disables or demotes themselves; and the firm, which may change Claire at the caterer it bills, may
        // not disable her: she also belongs to the bakery, which it does not administer (issue 19, point 2).
        expect(wrong, CLAIRE, claire, "refused:users.notYourself", "disable", 3, 0, null);
        expect(wrong, CLAIRE, claire, "refused:users.notYourselfRole", "demote", 3, CLAIRES_ACCOUNT, null);
        FormClient firm = signedIn(MARC);
        expect(wrong, MARC, firm, "refused:users.beyondReach", "disable", 3, 0, null);
        // The firm acts for the companies it bills; who administers the client's account is the client's choice.
        expect(wrong, MARC, firm, "refused:users.roleNotYours", "demote", 3, CLAIRES_ACCOUNT, null);
        expect(wrong, MARC, firm, "refused:users.roleNotYours", "appoint", 14, CLAIRES_ACCOUNT, null);
        expect(wrong, MARC, firm, "refused:users.roleNotYours", "create", TRAITEUR, 1, null);
        // Victor works for Martin Traiteur (FIRM-billed): Claire may not make him an administrator; the firm may.
        expect(wrong, CLAIRE, claire, "refused:users.readOnlyChange", "appoint", 14, CLAIRES_ACCOUNT, null);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(before, fingerprint(), "the refusals changed nothing");

        // The same action done by the firm: granted, granted again (nothing more), revoked, revoked again. Each
        // change sends one domain event, which reaches the notifications module over the broker.
        long grantedEvents = events("ACCESS_GRANTED");
        long revokedEvents = events("ACCESS_REVOKED");
        FormClient marc = signedIn(MARC);
        expect(wrong, MARC, marc, "ok", "creationCompany", TRAITEUR, 0, null);
        expect(wrong, MARC, marc, "ok", "grant", 14, TRAITEUR, "GED");
        String[] granted = fingerprint().split("\\|");
        expect(wrong, MARC, marc, "ok", "grant", 14, TRAITEUR, "GED");
        assertEquals(String.join("|", granted), fingerprint(), "granting twice makes one grant");
        expect(wrong, MARC, marc, "ok", "revoke", 14, TRAITEUR, "GED");
        expect(wrong, MARC, marc, "ok", "revoke", 14, TRAITEUR, "GED");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        String[] was = before.split("\\|");
        String[] now = fingerprint().split("\\|");
        assertEquals(Long.parseLong(was[0]) + 1, Long.parseLong(now[0]), "the revoked grant stays as history");
        assertEquals(was[1], now[1], "and is no longer current");

        // Omar appoints Emma administrator of Garage Petit's account, then demotes her: one more, then as before.
        FormClient omar = signedIn(OMAR);
        expect(wrong, OMAR, omar, "ok", "appoint", 6, GARAGE_ACCOUNT, null);
        assertEquals(Long.parseLong(was[6]) + 1, Long.parseLong(fingerprint().split("\\|")[6]),
                "one more administrator");
        expect(wrong, OMAR, omar, "ok", "demote", 6, GARAGE_ACCOUNT, null);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(was[6], fingerprint().split("\\|")[6], "administrators as before");
        awaitEvents("ACCESS_GRANTED", grantedEvents + 1);
        awaitEvents("ACCESS_REVOKED", revokedEvents + 1);
        // The second grant and revocation must send nothing: count once nothing is left in flight.
        Quiescence.await();
        assertEquals(grantedEvents + 1, events("ACCESS_GRANTED"), "one event for a grant made twice");
        assertEquals(revokedEvents + 1, events("ACCESS_REVOKED"), "one event for a revocation made twice");
    }

    private long events(String type) throws Exception {
        return Long.parseLong(signedIn(OPS).get("/it/boundary?events=" + type).body().strip());
    }

    private void awaitEvents(String type, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (events(type) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(expected, events(type), type + " events received");
    }

    @Test
    void pages_answer_not_found_for_foreign_ids_and_forbidden_to_roles_without_the_space() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String admin : List.of(CLAIRE, OMAR, MARC)) {
            FormClient client = signedIn(admin);
            for (long company : FOREIGN_COMPANIES.get(admin)) {
                for (String menu : List.of("informations", "applications", "access", "invoices")) {
                    page(wrong, admin, client, "/companies/company.xhtml?id=" + company + "&menu=" + menu, 404);
                }
                page(wrong, admin, client, "/users/new.xhtml?company=" + company, 404);
            }
            for (long user : FOREIGN_USERS.get(admin).keySet()) {
                for (String menu : List.of("informations", "applications")) {
                    page(wrong, admin, client, "/users/user.xhtml?id=" + user + "&menu=" + menu, 404);
                }
            }
        }
        FormClient paul = signedIn(PAUL);
        for (String path : List.of("/companies/index.xhtml", "/companies/company.xhtml?id=30", "/users/index.xhtml",
                "/users/user.xhtml?id=4", "/users/new.xhtml")) {
            page(wrong, PAUL, paul, path, 403);
        }
        // "Accès aux services" is everyone's since issue 22: a user sees the applications they may open.
        page(wrong, PAUL, paul, "/account/services.xhtml", 200);
        FormClient ops = signedIn(OPS);
        page(wrong, OPS, ops, "/users/new.xhtml", 403);
        page(wrong, OPS, ops, "/users/user.xhtml?id=6&menu=applications", 200);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * Several people signed in at once, each sending requests side by side, as a page's Ajax calls and a download do:
     * every request keeps its caller's roles. With {@code @AutoApplySession} Payara refused one now and then
     * (payara/Payara#6145; BillingIT's two concurrent operators met it); the session now carries the groups.
     */
    @Test
    void people_signed_in_at_once_keep_their_roles_on_every_concurrent_request() throws Exception {
        Map<FormClient, String> pages = new LinkedHashMap<>();
        pages.put(signedIn(OPS), "/operations/billing.xhtml");
        pages.put(signedIn(OPS), "/operations/audit.xhtml");
        pages.put(signedIn(CLAIRE), "/account/invoices.xhtml");
        pages.put(signedIn(MARC), "/companies/company.xhtml?id=" + TRAITEUR);
        List<Callable<String>> requests = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            pages.forEach((client, page) -> requests.add(() -> client.get(page).statusCode() + " " + page));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> refused = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(requests)) {
                if (!answer.get().startsWith("200 ")) {
                    refused.add(answer.get());
                }
            }
            assertEquals(List.of(), refused, "of " + requests.size() + " concurrent requests");
        } finally {
            pool.shutdownNow();
        }
    }

    private FormClient signedIn(String email) throws Exception {
        FormClient client = new FormClient(portal, "fr");
        assertTrue(client.signIn(email, PASSWORD), email + " signs in");
        return client;
    }

    private static void expect(List<String> wrong, String who, FormClient client, String expected, String call, long a,
                               long b, String code) throws Exception {
        String form = "call=" + call + "&a=" + a + "&b=" + b + (code == null ? "" : "&code=" + code);
        String answer = client.probe("/it/boundary", form);
        if (!expected.equals(answer)) {
            wrong.add(who + " " + form + ": expected " + expected + ", got " + answer);
        }
    }

    private static void page(List<String> wrong, String who, FormClient client, String path, int status)
            throws Exception {
        int answer = client.get(path).statusCode();
        if (answer != status) {
            wrong.add(who + " GET " + path + ": expected " + status + ", got " + answer);
        }
    }

    private String fingerprint() throws Exception {
        FormClient client = signedIn(OPS);
        return client.get("/it/boundary").body();
    }
}
