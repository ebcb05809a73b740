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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21 through the API, as the pages go through the same boundaries: an operator creates a client whose first
 * administrator is invited, chooses a password and sees the company (and nobody else does); what is refused is
 * refused field by field; a company moved under a firm is the firm's from that month, the history is kept and the
 * administrators concerned are told; a price changed from a month leaves issued invoices as they were.
 */
@Order(127)
@RunAsClient
class OnboardingIT extends DeployedPortal {

    static final String PASSWORD = People.PASSWORD;
    static final long DURAND = 20;
    static final YearMonth THIS_MONTH = YearMonth.now();

    @ArquillianResource
    URL portal;

    @Test
    void an_operator_brings_in_a_client_whose_administrator_is_invited_and_sees_the_company() throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        String siren = siren();
        String admin = "zoe." + siren + "@fromagerie.it.example";

        HttpResponse<String> created = api.send(ops, "POST", "/api/v1/clients/customers", customer(
                "Fromagerie Dupont " + siren, siren, admin, "en"));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject made = Api.json(created);
        long company = made.getJsonNumber("companyId").longValue();
        assertFalse(made.getBoolean("existingPerson"));

        MimeMessage invitation = Mailbox.await(Mailbox.to(admin), 1, 60_000).get(0);
        assertTrue(Mailbox.subjectOf(invitation).startsWith("Your invitation"), "in her language: "
                + Mailbox.subjectOf(invitation));
        FormClient zoe = new FormClient(portal, "en");
        String link = Mailbox.link(invitation);
        zoe.get(link);
        String chosenPassword = "Affinage lent en cave 21";
        HttpResponse<String> chosen = zoe.submit(link, "choose", Map.of("password", chosenPassword, "confirm",
                chosenPassword, "save", ""));
        assertEquals(302, chosen.statusCode(), chosen.body().replaceAll("(?s).*<main", "<main")
                .replaceAll("(?s)</main>.*", ""));

        String hers = api.token(admin, chosenPassword);
        JsonObject seen = Api.json(api.get(hers, "/api/v1/companies/" + company));
        assertEquals("Fromagerie Dupont " + siren, seen.getString("legalName"));
        assertEquals("DIRECT", seen.getString("billingMode"));
        assertEquals(404, api.get(api.token(IsolationMatrixIT.CLAIRE, PASSWORD), "/api/v1/companies/" + company)
                .statusCode(), "another client's administrator does not see it");

        List<String> bySiren = hits(api, ops, siren);
        assertTrue(bySiren.contains("COMPANY " + company), bySiren.toString());
        assertTrue(bySiren.contains("ACCOUNT " + made.getJsonNumber("accountId").longValue()), bySiren.toString());
        assertTrue(hits(api, ops, admin).contains("PERSON " + made.getJsonNumber("administratorId").longValue()));

        JsonObject account = Api.json(api.get(ops, "/api/v1/clients/accounts/" + made.getJsonNumber("accountId")));
        assertEquals("en", account.getString("billingLanguage"));
        assertEquals(List.of(company), account.getJsonArray("companies").stream()
                .map(c -> c.asJsonObject().getJsonNumber("id").longValue()).toList(), "the account lists its company");
        assertEquals(List.of(made.getJsonNumber("administratorId").longValue()), account.getJsonArray("administrators")
                .getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::longValue).toList());
        JsonArray audit = Api.json(api.get(ops, "/api/v1/audit-events?action=CUSTOMER_ACCOUNT_CREATED&actor="
                + IsolationMatrixIT.OPS)).getJsonArray("items");
        assertTrue(audit.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("after", "")
                .contains("Fromagerie Dupont " + siren)), audit.toString());

        // A second company for the same account: its administrator administers it at once.
        String other = siren();
        HttpResponse<String> added = api.send(ops, "POST", "/api/v1/clients/accounts/"
                + made.getJsonNumber("accountId") + "/companies", company(other, "Fromagerie Dupont Annexe"));
        assertEquals(201, added.statusCode(), added.body());
        assertEquals(200, api.get(hers, "/api/v1/companies/" + Api.json(added).getJsonNumber("id")).statusCode());
    }

    @Test
    void an_accounting_firm_is_created_with_its_administrators() throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        String siren = siren();
        HttpResponse<String> created = api.send(ops, "POST", "/api/v1/clients/firms", "{\"name\":\"Cabinet Neuf "
                + siren + "\",\"siren\":\"" + siren + "\",\"postalCode\":\"33000\",\"city\":\"Bordeaux\","
                + "\"administrator\":{\"firstName\":\"Anne\",\"lastName\":\"Neuve\",\"email\":\"anne." + siren
                + "@cabinet.it.example\"}}");
        assertEquals(201, created.statusCode(), created.body());
        long account = Api.json(created).getJsonNumber("accountId").longValue();
        HttpResponse<String> second = api.send(ops, "POST", "/api/v1/clients/accounts/" + account + "/administrators",
                "{\"firstName\":\"Bruno\",\"lastName\":\"Second\",\"email\":\"bruno." + siren
                        + "@cabinet.it.example\",\"language\":\"en\"}");
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(2, Api.json(api.get(ops, "/api/v1/clients/accounts/" + account)).getJsonArray("administrators")
                .size());
        assertTrue(Mailbox.subjectOf(Mailbox.await(Mailbox.to("bruno." + siren + "@cabinet.it.example"), 1, 60_000)
                .get(0)).startsWith("Your invitation"), "invited in his language");
        assertEquals(Map.of("email", "onboarding.administrator.taken"), errors(api.send(ops, "POST",
                "/api/v1/clients/accounts/" + account + "/administrators", "{\"firstName\":\"C\",\"lastName\":"
                        + "\"D\",\"email\":\"" + IsolationMatrixIT.CLAIRE + "\"}")));
        assertEquals(Map.of("siren", "onboarding.firmSiren.taken"), errors(api.send(ops, "POST",
                "/api/v1/clients/firms", "{\"name\":\"Doublon\",\"siren\":\"" + siren + "\",\"administrator\":"
                        + "{\"firstName\":\"E\",\"lastName\":\"F\",\"email\":\"e." + siren + "@x.example\"}}")));
    }

    @Test
    void what_is_wrong_is_refused_field_by_field_and_only_operators_onboard() throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        HttpResponse<String> wrong = api.send(ops, "POST", "/api/v1/clients/customers", """
                {"name":" ","company":{"siren":"123456789","legalName":"X","legalForm":"SAS","postalCode":"7500"},
                 "administrator":{"firstName":"A","lastName":"B","email":"not an address"}}""");
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertEquals(Map.of("name", "onboarding.name.required", "siren", "siren.invalid",
                "postalCode", "companies.postalCode.invalid", "email", "email.invalid"), errors(wrong));

        HttpResponse<String> taken = api.send(ops, "POST", "/api/v1/clients/customers", customer("Doublon",
                "732829320", "someone." + siren() + "@it.example", "fr"));
        assertEquals(Map.of("siren", "onboarding.siren.taken"), errors(taken), "Boulangerie Martin SARL has it");
        HttpResponse<String> operator = api.send(ops, "POST", "/api/v1/clients/customers", customer("Opérateur",
                siren(), IsolationMatrixIT.OPS, "fr"));
        assertEquals(Map.of("email", "onboarding.administrator.operator"), errors(operator));

        String claire = api.token(IsolationMatrixIT.CLAIRE, PASSWORD);
        assertEquals(403, api.send(claire, "POST", "/api/v1/clients/customers", customer("Pirate", siren(),
                "pirate." + siren() + "@it.example", "fr")).statusCode());
        assertEquals(403, api.get(claire, "/api/v1/clients?q=martin").statusCode());
        assertEquals(400, api.send(ops, "POST", "/api/v1/clients/customers", "[1,2").statusCode());
    }

    @Test
    void a_company_moved_under_the_firm_is_the_firms_from_that_month_and_both_sides_are_told() throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        String marc = api.token(IsolationMatrixIT.MARC, PASSWORD);
        String siren = siren();
        JsonObject made = Api.json(api.send(ops, "POST", "/api/v1/clients/customers", customer(
                "Épicerie Moreau " + siren, siren, "paul." + siren + "@epicerie.it.example", "fr")));
        long company = made.getJsonNumber("companyId").longValue();
        String billing = "/api/v1/clients/companies/" + company + "/billing";
        assertEquals(404, api.get(marc, "/api/v1/companies/" + company).statusCode(), "not the firm's yet");

        HttpResponse<String> moved = api.send(ops, "POST", billing, move("FIRM", DURAND, THIS_MONTH));
        assertEquals(201, moved.statusCode(), moved.body());
        assertEquals("FIRM", Api.json(api.get(marc, "/api/v1/companies/" + company)).getString("billingMode"),
                "the firm sees and acts from this month on");
        MimeMessage told = Mailbox.await(message -> Mailbox.to(IsolationMatrixIT.MARC).test(message)
                && Mailbox.subjectOf(message).contains("Épicerie Moreau " + siren), 1, 60_000).get(0);
        assertTrue(Mailbox.subjectOf(told).startsWith("Facturation de l'entreprise"), Mailbox.subjectOf(told));
        assertTrue(Mailbox.text(told).contains("Cabinet Durand"), Mailbox.text(told));

        YearMonth next = THIS_MONTH.plusMonths(1);
        assertEquals(201, api.send(ops, "POST", billing, move("DIRECT", null, next)).statusCode());
        assertEquals("FIRM", Api.json(api.get(ops, "/api/v1/companies/" + company)).getString("billingMode"),
                "until next month begins");
        FormClient marcsPages = new FormClient(portal, "fr");
        assertTrue(marcsPages.signIn(IsolationMatrixIT.MARC, PASSWORD));
        assertTrue(marcsPages.get("/companies/index.xhtml").body().contains("Épicerie Moreau " + siren
                + " : facturée directement à partir de"), "the firm's Entreprises announces what is to come");
        List<String> history = arrangements(api.get(ops, billing));
        assertEquals(List.of("always DIRECT", THIS_MONTH + " FIRM", next + " DIRECT"), history);

        // When next month begins the company follows (what else is planned for it may follow too).
        assertTrue(Integer.parseInt(new FormClient(portal, "fr").probe("/it/due-changes", "day=" + next.atDay(1)))
                >= 1);
        assertEquals("DIRECT", Api.json(api.get(ops, "/api/v1/companies/" + company)).getString("billingMode"));
        assertEquals(404, api.get(marc, "/api/v1/companies/" + company).statusCode(), "the firm no longer acts");

        assertEquals(Map.of("from", "billingMoves.from.past"),
                errors(api.send(ops, "POST", billing, move("FIRM", DURAND, THIS_MONTH.minusMonths(1)))));
        assertEquals(Map.of("firm", "billingMoves.firm.required"),
                errors(api.send(ops, "POST", billing, move("FIRM", null, next))));
        HttpResponse<String> same = api.send(ops, "POST", billing, move("DIRECT", null, next));
        assertEquals(422, same.statusCode());
        assertEquals("billingMoves.unchanged", Api.json(same).getString("code"));
        assertEquals(403, api.send(marc, "POST", billing, move("FIRM", DURAND, next)).statusCode());
        assertEquals(404, api.send(ops, "POST", "/api/v1/clients/companies/999999/billing",
                move("FIRM", DURAND, next)).statusCode());
    }

    @Test
    void a_price_changed_from_next_month_leaves_this_month_as_it_was_and_keeps_its_history() throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        String code = "P" + siren().substring(0, 6);
        HttpResponse<String> offered = api.send(ops, "POST", "/api/v1/catalogue", """
                {"code":"%s","nameFr":"Paie","nameEn":"Payroll","monthlyCompanyPrice":10.00,"monthlySeatPrice":2.00}"""
                .formatted(code));
        assertEquals(201, offered.statusCode(), offered.body());
        long application = Api.json(offered).getJsonNumber("id").longValue();
        YearMonth next = THIS_MONTH.plusMonths(1);
        HttpResponse<String> repriced = api.send(ops, "PUT", "/api/v1/catalogue/" + application, """
                {"nameFr":"Paie","nameEn":"Payroll","monthlyCompanyPrice":12.50,"monthlySeatPrice":2.40,
                 "pricesFrom":"%s"}""".formatted(next));
        assertEquals(200, repriced.statusCode(), repriced.body());
        assertEquals(0, new java.math.BigDecimal("10.00").compareTo(
                Api.json(repriced).getJsonNumber("monthlyCompanyPrice").bigDecimalValue()), "this month keeps it");
        JsonArray history = Jwts.json("{\"h\":" + api.get(ops, "/api/v1/catalogue/" + application + "/prices")
                .body() + "}").getJsonArray("h");
        assertEquals(List.of(next + " 12.5", "2000-01 10"), history.stream().map(JsonValue::asJsonObject)
                .map(p -> p.getString("from") + " " + p.getJsonNumber("monthlyCompanyPrice").bigDecimalValue()
                        .stripTrailingZeros().toPlainString()).toList());

        assertEquals(Map.of("pricesFrom", "catalogue.pricesFrom.past"), errors(api.send(ops, "PUT",
                "/api/v1/catalogue/" + application, """
                        {"nameFr":"Paie","nameEn":"Payroll","monthlyCompanyPrice":9,"monthlySeatPrice":1,
                         "pricesFrom":"%s"}""".formatted(THIS_MONTH.minusMonths(1)))));
        new FormClient(portal, "fr").probe("/it/due-changes", "day=" + next.atDay(1));
        assertEquals(0, new java.math.BigDecimal("12.50").compareTo(Api.json(api.get(ops, "/api/v1/catalogue/"
                + application)).getJsonNumber("monthlyCompanyPrice").bigDecimalValue()), "next month shows it");
    }

    @Test
    void a_price_changed_today_leaves_the_issued_invoices_that_bill_it_as_they_were() throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        long invoice = Api.json(api.get(ops, "/api/v1/invoices?company=" + IsolationMatrixIT.BOULANGERIE + "&size=1"))
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        String issued = api.get(ops, "/api/v1/invoices/" + invoice).body();
        assertTrue(issued.contains("\"applicationCode\":\"COMPTA\""), "the invoice bills COMPTA: " + issued);
        JsonObject compta = Api.json(api.get(ops, "/api/v1/catalogue/40"));
        String was = compta.getJsonNumber("monthlyCompanyPrice").toString();
        String seat = compta.getJsonNumber("monthlySeatPrice").toString();
        try {
            HttpResponse<String> raised = api.send(ops, "PUT", "/api/v1/catalogue/40", "{\"nameFr\":\""
                    + compta.getString("nameFr") + "\",\"nameEn\":\"" + compta.getString("nameEn")
                    + "\",\"monthlyCompanyPrice\":99.90,\"monthlySeatPrice\":" + seat + "}");
            assertEquals(200, raised.statusCode(), raised.body());
            assertEquals("99.9", Api.json(raised).getJsonNumber("monthlyCompanyPrice").bigDecimalValue()
                    .stripTrailingZeros().toPlainString(), "in force from this month");
            assertEquals(issued, api.get(ops, "/api/v1/invoices/" + invoice).body(),
                    "an issued invoice is what it was");
            assertEquals(200, api.get(ops, "/api/v1/invoices/" + invoice + "/pdf").statusCode());
        } finally {
            api.send(ops, "PUT", "/api/v1/catalogue/40", "{\"nameFr\":\"" + compta.getString("nameFr")
                    + "\",\"nameEn\":\"" + compta.getString("nameEn") + "\",\"monthlyCompanyPrice\":" + was
                    + ",\"monthlySeatPrice\":" + seat + "}");
        }
    }

    @Test
    void a_closed_account_ends_its_subscriptions_disables_its_people_and_is_erased_after_the_legal_period()
            throws Exception {
        Api api = new Api(portal);
        String ops = api.token(IsolationMatrixIT.OPS, PASSWORD);
        String siren = siren();
        JsonObject made = Api.json(api.send(ops, "POST", "/api/v1/clients/customers", customer(
                "Quincaillerie Fermée " + siren, siren, "chef." + siren + "@quincaillerie.it.example", "fr")));
        long account = made.getJsonNumber("accountId").longValue();
        long company = made.getJsonNumber("companyId").longValue();
        assertEquals(201, api.send(ops, "POST", "/api/v1/companies/" + company + "/applications",
                "{\"applicationCode\":\"COMPTA\",\"startDate\":\"" + THIS_MONTH.minusMonths(2).atDay(1) + "\"}")
                .statusCode());
        Fixtures.Person staff = Fixtures.user(company, "Gaston", "Fermé", "FR", "closed.it.example");
        String theirs = api.token(staff.email(), PASSWORD);
        assertEquals(200, api.get(theirs, "/api/v1/me").statusCode());
        Fixtures.Person shared = Fixtures.userOfTwo(company, IsolationMatrixIT.BOULANGERIE, "Louise", "Deuxcomptes",
                "FR", "closed.it.example");

        LocalDate lastDay = THIS_MONTH.atEndOfMonth();
        assertEquals(Map.of("lastDay", "closing.lastDay.past"), errors(api.send(ops, "POST", "/api/v1/clients/accounts/"
                + account + "/close", "{\"lastDay\":\"" + THIS_MONTH.minusMonths(1).atDay(1) + "\"}")));
        HttpResponse<String> closed = api.send(ops, "POST", "/api/v1/clients/accounts/" + account + "/close",
                "{\"lastDay\":\"" + lastDay + "\"}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals(lastDay.plusYears(10).toString(), Api.json(closed).getString("anonymiseAfter"));

        JsonObject subscription = Jwts.json("{\"a\":" + api.get(ops, "/api/v1/companies/" + company + "/applications")
                .body() + "}").getJsonArray("a").getJsonObject(0);
        assertEquals(lastDay.toString(), subscription.getString("endDate"), "the run of this month bills the last one");
        assertEquals(200, api.get(theirs, "/api/v1/me").statusCode(), "until the last day, they work");
        assertEquals("closing.closed", Api.json(api.send(ops, "POST", "/api/v1/companies/" + company
                + "/applications", "{\"applicationCode\":\"FACTU\",\"startDate\":\"" + THIS_MONTH.atDay(1)
                + "\"}")).getString("code"), "nothing new is added to a closed account");
        assertEquals("closing.closed", Api.json(api.send(ops, "POST", "/api/v1/clients/companies/" + company
                + "/billing", move("FIRM", DURAND, THIS_MONTH.plusMonths(1)))).getString("code"));
        assertTrue(Integer.parseInt(new FormClient(portal, "fr").probe("/it/due-changes",
                "day=" + lastDay.plusDays(1))) >= 1, "the day after the last day");
        assertEquals(401, api.get(theirs, "/api/v1/me").statusCode(), "their sessions end");
        assertEquals(401, api.tokenRequest(staff.email(), PASSWORD).statusCode(), "they are disabled");
        assertEquals(200, api.tokenRequest(shared.email(), PASSWORD).statusCode(), "someone of another account stays");
        JsonObject louise = Api.json(api.get(ops, "/api/v1/users/" + shared.id()));
        assertEquals(List.of(IsolationMatrixIT.BOULANGERIE), louise.getJsonArray("companies").stream()
                .map(c -> c.asJsonObject().getJsonNumber("companyId").longValue()).toList(),
                "and only leaves the closed one: " + louise);
        HttpResponse<String> again = api.send(ops, "POST", "/api/v1/clients/accounts/" + account + "/close",
                "{\"lastDay\":\"" + lastDay + "\"}");
        assertEquals("closing.closed", Api.json(again).getString("code"));
        assertEquals("closing.closed", Api.json(api.send(ops, "POST", "/api/v1/clients/accounts/" + account
                + "/companies", company(siren(), "Trop Tard"))).getString("code"));

        assertEquals(0, Integer.parseInt(new FormClient(portal, "fr").probe("/it/retention",
                "day=" + lastDay.plusYears(10))), "kept for the legal period");
        assertTrue(hits(api, ops, staff.email()).stream().anyMatch(h -> h.startsWith("PERSON")));
        assertTrue(Integer.parseInt(new FormClient(portal, "fr").probe("/it/retention",
                "day=" + lastDay.plusYears(10).plusDays(1))) >= 1);
        assertFalse(hits(api, ops, staff.email()).stream().anyMatch(h -> h.startsWith("PERSON")),
                "their data is erased once the period has passed");

        HttpResponse<String> firm = api.send(ops, "POST", "/api/v1/clients/accounts/10/close",
                "{\"lastDay\":\"" + lastDay + "\"}");
        assertEquals("closing.firmStillBills", Api.json(firm).getString("code"), "Martin Traiteur is billed through it");
    }

    private static List<String> hits(Api api, String token, String q) throws Exception {
        HttpResponse<String> answer = api.get(token, "/api/v1/clients?q=" + java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        return Jwts.json("{\"h\":" + answer.body() + "}").getJsonArray("h").stream().map(JsonValue::asJsonObject)
                .map(h -> h.getString("kind") + " " + h.getJsonNumber("id")).toList();
    }

    private static List<String> arrangements(HttpResponse<String> answer) {
        return Jwts.json("{\"h\":" + answer.body() + "}").getJsonArray("h").stream().map(JsonValue::asJsonObject)
                .map(a -> (a.getBoolean("sinceAlways") ? "always" : a.getString("from")) + " "
                        + a.getString("billingMode")).toList();
    }

    private static Map<String, String> errors(HttpResponse<String> answer) {
        assertEquals(422, answer.statusCode(), answer.body());
        return Api.json(answer).getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("code")));
    }

    private static String move(String mode, Long firm, YearMonth from) {
        return "{\"billingMode\":\"" + mode + "\"," + (firm == null ? "" : "\"firmId\":" + firm + ",")
                + "\"from\":\"" + from + "\"}";
    }

    /** A client whose company is named as its account. */
    static String customer(String name, String siren, String admin, String language) {
        return """
                {"name":"%s","billingLanguage":"%s","billingEmail":"compta@it.example","company":%s,
                 "administrator":{"firstName":"Zoé","lastName":"Dupont","email":"%s","language":"%s"}}"""
                .formatted(name, language, company(siren, name), admin, language);
    }

    static String company(String siren, String legalName) {
        return """
                {"siren":"%s","legalName":"%s","legalForm":"SAS","addressLine":"1 rue du Lait","postalCode":"75001",
                 "city":"Paris"}""".formatted(siren, legalName);
    }

    /** A SIREN nobody has: eight random digits and the Luhn check digit. */
    static String siren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        for (int check = 0; check < 10; check++) {
            String candidate = body + check;
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int digit = candidate.charAt(8 - i) - '0';
                if (i % 2 == 1) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }
}
