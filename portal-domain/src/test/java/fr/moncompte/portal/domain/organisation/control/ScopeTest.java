package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.MigratedDatabase;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.ScopeFixture;
import fr.moncompte.portal.domain.Tenants;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.entity.Company;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * SPEC §4 rules 1 and 3 as {@link Scope} decides them, on the real schema: for each caller, the whole set of companies
 * and people they reach among those of {@link ScopeFixture}, so that a rule loosened in {@link Reach} lets someone in
 * and fails a test; and, for every caller, the query conditions of {@link Reach} select exactly the companies its
 * one-company rules accept.
 */
class ScopeTest {

    @RegisterExtension
    static final MigratedDatabase database = MigratedDatabase.domain();

    ScopeFixture tenants;
    Scope scope;

    @BeforeEach
    void writeTenants() {
        tenants = ScopeFixture.write(new Tenants(database.em()));
        scope = Scope.over(database.em());
    }

    @Test
    void a_client_administrator_reads_the_companies_of_their_account_including_the_firm_billed_one() {
        assertEquals(Set.of(tenants.boulangerie(), tenants.traiteur()), companiesReadBy(person(tenants.claire())),
                "not Garage Petit, where Claire is a member of another client's company");
        assertEquals(Set.of(tenants.garage(), tenants.carrosserie(), tenants.atelier()),
                companiesReadBy(person(tenants.luc())));
    }

    @Test
    void a_firm_administrator_reads_the_companies_billed_through_the_firm_and_no_other() {
        assertEquals(Set.of(tenants.traiteur(), tenants.carrosserie()), companiesReadBy(person(tenants.marc())),
                "neither the DIRECT-billed company that keeps the firm's id, nor another firm's, nor a company on the"
                        + " firm's own account: a firm's account gives no client administrator's scope");
        assertEquals(Set.of(tenants.atelier()), companiesReadBy(person(tenants.gilles())));
    }

    @Test
    void an_operator_reads_every_company() {
        assertEquals(Set.copyOf(tenants.companies()), companiesReadBy(operator(tenants.olivia())));
    }

    @Test
    void belonging_to_a_company_gives_no_administration_scope() {
        assertEquals(Set.of(), companiesReadBy(person(tenants.paul())));
        assertEquals(Set.of(), usersReadBy(person(tenants.paul())));
        assertThrows(NotFound.class, () -> scope.company(person(tenants.paul()), tenants.boulangerie()),
                "a company out of scope answers as an unknown one does");
    }

    @Test
    void administrators_read_the_people_of_the_companies_in_their_scope() {
        assertEquals(Set.of(tenants.claire(), tenants.paul(), tenants.lea()), usersReadBy(person(tenants.claire())),
                "not Emma, of Garage Petit, which Claire only belongs to");
        assertEquals(Set.of(tenants.lea(), tenants.hugo()), usersReadBy(person(tenants.marc())));
        assertEquals(Set.of(tenants.ines()), usersReadBy(person(tenants.gilles())));
    }

    @Test
    void an_operator_reads_every_member_of_every_company() {
        ScopeFixture t = tenants;
        assertEquals(Set.of(t.claire(), t.paul(), t.lea(), t.emma(), t.hugo(), t.ines(), t.sophie()),
                usersReadBy(operator(t.olivia())), "people who belong to no company are in nobody's lists");
    }

    @Test
    void a_client_administrator_changes_direct_billed_companies_and_the_firm_changes_those_it_bills() {
        Caller claire = person(tenants.claire());
        Caller marc = person(tenants.marc());
        assertEquals(Set.of(tenants.boulangerie()), companies(id -> scope.mayChangeCompany(claire, id)),
                "Martin Traiteur is billed through the firm: Claire reads it, the firm acts (rule 3)");
        assertEquals(Set.of(tenants.traiteur(), tenants.carrosserie()),
                companies(id -> scope.mayChangeCompany(marc, id)));
        assertEquals(Set.of(tenants.claire(), tenants.paul()), people(id -> scope.mayChangeUser(claire, id)),
                "not Léa, who belongs to the firm-billed company only");
        assertEquals(Set.of(tenants.lea(), tenants.hugo()), people(id -> scope.mayChangeUser(marc, id)));
    }

    @Test
    void an_operator_or_a_mere_member_changes_no_company_and_nobody() {
        for (Caller caller : List.of(operator(tenants.olivia()), person(tenants.paul()))) {
            assertEquals(Set.of(), companies(id -> scope.mayChangeCompany(caller, id)));
            assertEquals(Set.of(), people(id -> scope.mayChangeUser(caller, id)));
        }
    }

    @Test
    void what_may_be_read_but_not_changed_says_why_billed_through_the_firm_or_read_by_an_operator() {
        Caller claire = person(tenants.claire());
        Caller marc = person(tenants.marc());
        Caller olivia = operator(tenants.olivia());

        assertEquals(Optional.empty(), scope.whyCompanyReadOnly(claire, tenants.boulangerie()));
        assertEquals(Optional.of(ReadOnly.BILLED_THROUGH_FIRM), scope.whyCompanyReadOnly(claire, tenants.traiteur()));
        assertEquals(Optional.empty(), scope.whyCompanyReadOnly(marc, tenants.traiteur()));
        assertEquals(Optional.of(ReadOnly.OPERATOR), scope.whyCompanyReadOnly(olivia, tenants.boulangerie()));
        assertEquals(Optional.empty(), scope.whyUserReadOnly(claire, tenants.paul()));
        assertEquals(Optional.of(ReadOnly.BILLED_THROUGH_FIRM), scope.whyUserReadOnly(claire, tenants.lea()),
                "Léa belongs to the firm-billed company only");
        assertEquals(Optional.empty(), scope.whyUserReadOnly(marc, tenants.lea()));
        assertEquals(Optional.of(ReadOnly.OPERATOR), scope.whyUserReadOnly(olivia, tenants.paul()));
        assertEquals("companies.readOnly", ReadOnly.BILLED_THROUGH_FIRM.companyKey());
        assertEquals("access.readOnly.notAdministrator", ReadOnly.OPERATOR.accessKey());
    }

    @Test
    void the_query_conditions_select_exactly_the_companies_the_rules_accept_for_every_caller() {
        List<Caller> callers = new ArrayList<>(tenants.people().stream().map(ScopeTest::person).toList());
        callers.add(operator(tenants.olivia()));
        List<Company> all = tenants.companies().stream().map(id -> database.em().find(Company.class, id)).toList();
        for (Caller caller : callers) {
            Reach reach = scope.reach(caller);
            assertEquals(ids(all.stream().filter(reach::sees).toList()), selected(reach.companiesSeen("co")),
                    "seen by " + caller);
            assertEquals(ids(all.stream().filter(reach::mayChange).toList()),
                    selected(reach.companiesChangeable("co")), "changeable by " + caller);
        }
    }

    private Set<Long> selected(Condition condition) {
        return Set.copyOf(condition.bind(database.em().createQuery(
                "select co.id from Company co where co.id in :fixture and " + condition.jpql(), Long.class)
                .setParameter("fixture", tenants.companies())).getResultList());
    }

    private static Set<Long> ids(List<Company> companies) {
        return companies.stream().map(Company::getId).collect(Collectors.toSet());
    }

    private Set<Long> companiesReadBy(Caller caller) {
        return companies(id -> found(() -> scope.company(caller, id)));
    }

    private Set<Long> usersReadBy(Caller caller) {
        return people(id -> found(() -> scope.user(caller, id)));
    }

    private Set<Long> companies(LongPredicate reached) {
        return tenants.companies().stream().filter(reached::test).collect(Collectors.toSet());
    }

    private Set<Long> people(LongPredicate reached) {
        return tenants.people().stream().filter(reached::test).collect(Collectors.toSet());
    }

    private static boolean found(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (NotFound outOfScope) {
            return false;
        }
    }

    /** A signed-in person who is no operator. */
    private static Caller person(long id) {
        return new Caller(id, false);
    }

    private static Caller operator(long id) {
        return new Caller(id, true);
    }
}
