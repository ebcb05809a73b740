package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.MigratedDatabase;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.ScopeFixture;
import fr.moncompte.portal.domain.Tenants;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory.CompanyOrder;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory.UserOrder;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.ejb.SessionContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lists of "Entreprises" and "Utilisateurs" and "Mon compte › Accès aux services" (SPEC §4 rule 1): the queries
 * {@link CompanyDirectory} and {@link PeopleDirectory} build around {@link Scope#IN_SCOPE}, searched, counted and paged in the database, for each
 * kind of caller of {@link ScopeFixture}. The bean is called as the container would call it, its caller given by a
 * session context that knows only the caller's id and roles.
 */
class DirectoriesTest {

    @RegisterExtension
    static final MigratedDatabase database = MigratedDatabase.domain();

    Tenants fixtures;
    ScopeFixture tenants;

    @BeforeEach
    void writeTenants() {
        fixtures = new Tenants(database.em());
        tenants = ScopeFixture.write(fixtures);
    }

    @Test
    void a_client_administrator_lists_the_companies_of_their_account() {
        CompanyDirectory claire = companies(tenants.claire(), Roles.CLIENT_ADMIN);
        assertEquals(List.of("Boulangerie Martin", "Martin Traiteur"), companyNames(claire, null));
        assertEquals(2, claire.countCompanies(null));
    }

    @Test
    void a_firm_administrator_lists_the_companies_the_firm_bills_whichever_client_holds_them() {
        CompanyDirectory marc = companies(tenants.marc(), Roles.FIRM_ADMIN);
        assertEquals(List.of("Carrosserie Petit", "Martin Traiteur"), companyNames(marc, null));
        assertEquals(2, marc.countCompanies(null));
    }

    @Test
    void an_operator_lists_every_company() {
        CompanyDirectory olivia = companies(tenants.olivia(), Roles.OPERATOR);
        assertEquals(List.of("Atelier Petit", "Boulangerie Martin", "Cabinet Durand", "Carrosserie Petit",
                "Garage Petit", "Martin Traiteur"), companyNames(olivia, null));
        assertEquals(6, olivia.countCompanies(null));
    }

    @Test
    void a_search_finds_nothing_outside_the_scope_by_name_or_by_siren() {
        CompanyDirectory claire = companies(tenants.claire(), Roles.CLIENT_ADMIN);
        String garageSiren = database.em().find(Company.class, tenants.garage()).getSiren();
        assertEquals(List.of(), companyNames(claire, garageSiren));
        assertEquals(0, claire.countCompanies(garageSiren));
        assertEquals(List.of(), companyNames(claire, "garage"));
        assertEquals(List.of("Martin Traiteur"), companyNames(claire, "martin"));
    }

    @Test
    void a_client_administrator_lists_each_person_of_their_companies_once() {
        PeopleDirectory claire = people(tenants.claire(), Roles.CLIENT_ADMIN);
        assertEquals(List.of("Bernard", "Lefèvre", "Martin"), lastNames(claire, null),
                "Claire once, though she belongs to two companies; not Emma, of the company Claire only belongs to");
        assertEquals(3, claire.countUsers(null));
        assertEquals(List.of(), lastNames(claire, "emma"), "a search stays in scope");
        assertEquals(0, claire.countUsers("emma"));
    }

    @Test
    void a_firm_administrator_lists_the_people_of_the_companies_the_firm_bills() {
        PeopleDirectory marc = people(tenants.marc(), Roles.FIRM_ADMIN);
        assertEquals(List.of("Bernard", "Blanc"), lastNames(marc, null));
        assertEquals(2, marc.countUsers(null));
    }

    @Test
    void an_operator_lists_every_member_of_a_company() {
        PeopleDirectory olivia = people(tenants.olivia(), Roles.OPERATOR);
        assertEquals(List.of("Bernard", "Blanc", "Faure", "Lefèvre", "Martin", "Morel", "Roux"),
                lastNames(olivia, null));
        assertEquals(7, olivia.countUsers(null));
    }

    @Test
    void services_lists_the_applications_configured_on_the_companies_in_scope() {
        long compta = fixtures.application("COMPTA");
        long banque = fixtures.application("BANQUE");
        LocalDate start = LocalDate.of(2026, 1, 1);
        fixtures.configures(tenants.boulangerie(), compta, start, null);
        fixtures.configures(tenants.traiteur(), banque, start, null);
        fixtures.configures(tenants.garage(), compta, start, null);
        fixtures.configures(tenants.carrosserie(), banque, start, null);

        assertEquals(List.of("Boulangerie Martin COMPTA", "Martin Traiteur BANQUE"),
                services(companies(tenants.claire(), Roles.CLIENT_ADMIN)));
        assertEquals(List.of("Carrosserie Petit BANQUE", "Martin Traiteur BANQUE"),
                services(companies(tenants.marc(), Roles.FIRM_ADMIN)));
    }

    private static List<String> companyNames(CompanyDirectory scope, String search) {
        return scope.findCompanies(search, CompanyOrder.NAME, true, 0, 20).stream().map(Company::getLegalName).toList();
    }

    private static List<String> lastNames(PeopleDirectory scope, String search) {
        return scope.findUsers(search, UserOrder.NAME, true, 0, 20).stream().map(UserAccount::getLastName).toList();
    }

    private static List<String> services(CompanyDirectory scope) {
        return scope.services().stream()
                .map(configured -> configured.getCompany().getLegalName() + " " + configured.getApplication().getCode())
                .toList();
    }

    /** The beans as the container hands them to a caller with this id and these roles. */
    private static CompanyDirectory companies(long id, String... roles) {
        CompanyDirectory bean = new CompanyDirectory();
        bean.em = database.em();
        bean.scope = scope();
        bean.session = session(id, Set.of(roles));
        bean.audit = AuditLog.over(database.em());
        return bean;
    }

    private static PeopleDirectory people(long id, String... roles) {
        PeopleDirectory bean = new PeopleDirectory();
        bean.em = database.em();
        bean.scope = scope();
        bean.session = session(id, Set.of(roles));
        bean.audit = AuditLog.over(database.em());
        return bean;
    }

    private static Scope scope() {
        return Scope.over(database.em());
    }

    private static SessionContext session(long id, Set<String> roles) {
        Principal principal = () -> Long.toString(id);
        return (SessionContext) Proxy.newProxyInstance(SessionContext.class.getClassLoader(),
                new Class<?>[]{SessionContext.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> principal;
                    case "isCallerInRole" -> roles.contains((String) arguments[0]);
                    default -> throw new UnsupportedOperationException("not in these tests: " + method.getName());
                });
    }
}
