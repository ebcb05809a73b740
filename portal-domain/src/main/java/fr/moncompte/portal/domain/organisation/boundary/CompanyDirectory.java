package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.ResultPage;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.SearchKey;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.control.CompanyChecks;
import fr.moncompte.portal.domain.organisation.control.Condition;
import fr.moncompte.portal.domain.organisation.control.ReadOnly;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Entreprises" and "Mon compte › Accès aux services": the companies an administrator may see (SPEC §4 rule 1:
 * operators every company; a client administrator the companies of their account; a firm administrator the companies
 * billed through their firm), their applications and the access of their people, and the editing of a company's
 * data by those who may change it, with the reason why others may not. Paged and sorted in the database.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR})
public class CompanyDirectory {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    Scope scope;

    static final String COMPANY = "COMPANY";

    /** A person of a company and the applications they may open on it ("Accès utilisateur"). */
    public record MemberAccess(UserAccount user, List<Application> applications) {
    }

    /** How the companies list may be sorted; each order ends on the id, so that pages never overlap. */
    public enum CompanyOrder {
        NAME("c.legalNameKey"), SIREN("c.siren"), CITY("c.city");

        final String column;

        CompanyOrder(String column) {
            this.column = column;
        }
    }

    /**
     * A page of the companies in scope whose name starts with {@code search} (case and accents ignored), or whose
     * SIREN starts with it; searched, sorted and paged by the database, on indexed keys.
     */
    public ResultPage<Company> companies(String search, CompanyOrder order, boolean ascending, int first, int max) {
        Condition seen = seen();
        return new ResultPage<>(findCompanies(seen, search, order, ascending, first, max),
                countCompanies(seen, search));
    }

    /** The rows of {@link #companies} alone, for a list that counts once and pages many times. */
    public List<Company> findCompanies(String search, CompanyOrder order, boolean ascending, int first, int max) {
        return findCompanies(seen(), search, order, ascending, first, max);
    }

    private List<Company> findCompanies(Condition seen, String search, CompanyOrder order, boolean ascending,
                                        int first, int max) {
        if (session.isCallerInRole(Roles.OPERATOR)) {
            // SPEC §1: an operator's every read is logged, lists and searches too.
            audit.record(callerId(), "COMPANIES_LISTED", COMPANY, null, null, listed(search, first, max), null);
        }
        return page(companySearch(seen, "select c from Company c", search, Company.class,
                " order by " + order.column + (ascending ? " asc" : " desc") + ", c.id"), first, max);
    }

    public long countCompanies(String search) {
        return countCompanies(seen(), search);
    }

    private long countCompanies(Condition seen, String search) {
        return companySearch(seen, "select count(c) from Company c", search, Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> companySearch(Condition seen, String select, String search, Class<T> type,
                                            String orderBy) {
        String where = " where " + seen.jpql()
                + (blank(search) ? "" : " and (c.legalNameKey like :name escape '\\' or c.siren like :digits)");
        TypedQuery<T> query = seen.bind(em.createQuery(select + where + orderBy, type));
        if (!blank(search)) {
            query.setParameter("name", SearchKey.prefixPattern(search))
                    .setParameter("digits", search.replaceAll("[\\s\\p{Cntrl}]", "").replace("%", "").replace("_", "")
                            + "%");
        }
        return query;
    }

    /** The companies in the caller's scope, as a condition on {@code c}: read once per list request. */
    private Condition seen() {
        return scope.reach(caller()).companiesSeen("c");
    }

    /** What an operator's list showed, for the audit log. */
    static String listed(String search, int first, int max) {
        return (blank(search) ? "" : "search=" + (search.length() > 100 ? search.substring(0, 100) : search) + ", ")
                + "rows=" + (first + 1) + "-" + (first + max);
    }

    private static boolean blank(String search) {
        return search == null || search.isBlank();
    }

    /**
     * A company in the caller's scope; any other id answers "not found", as an unknown one does. An operator's read
     * is logged (SPEC §1: operators read every tenant, every read logged).
     */
    public Company company(long companyId) {
        Company company = scope.company(caller(), companyId);
        if (session.isCallerInRole(Roles.OPERATOR)) {
            audit.record(callerId(), "COMPANY_READ", COMPANY, companyId, null, null, null);
        }
        return company;
    }

    /**
     * Why the caller may not edit this company, its users and their access (SPEC §3, §4 rule 3), or empty when they
     * may: what the company's page says instead of its forms.
     */
    public Optional<ReadOnly> whyReadOnly(long companyId) {
        return scope.whyCompanyReadOnly(caller(), companyId);
    }

    /**
     * Whether a company in scope has its invoices addressed to an accounting firm the caller does not administer
     * (SPEC §5): its invoices are the firm's to read, and its page says so instead of listing them.
     */
    public boolean invoicedToAnotherFirm(long companyId) {
        if (caller().operator()) {
            return false;
        }
        Company company = scope.company(caller(), companyId);
        return company.getBillingMode() == BillingMode.FIRM
                && !company.getAccountingFirm().getCustomerAccount().isAdministeredBy(callerId());
    }

    /** The applications configured on a company in scope, by name. */
    public List<ConfiguredApplication> applications(long companyId) {
        company(companyId);
        return em.createQuery("""
                        select ca from ConfiguredApplication ca join fetch ca.application
                        where ca.company.id = :companyId order by ca.application.code""", ConfiguredApplication.class)
                .setParameter("companyId", companyId).getResultList();
    }

    /**
     * "Mon compte › Accès aux services": for an administrator of a client's or a firm's account, the applications
     * configured on each company of their scope, by company (an operator's "scope" is every tenant: not here).
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public List<ConfiguredApplication> services() {
        Condition seen = scope.reach(new Caller(callerId(), false)).companiesSeen("c");
        return seen.bind(em.createQuery("""
                        select cfg from ConfiguredApplication cfg join cfg.company c join fetch cfg.application
                        where\s""" + seen.jpql() + " order by c.legalNameKey, c.id, cfg.application.code",
                        ConfiguredApplication.class))
                .getResultList();
    }

    /** The people of a company in scope, each with the applications they may open on it. */
    public List<MemberAccess> access(long companyId) {
        Company company = company(companyId);
        Map<Long, List<Application>> granted = new HashMap<>();
        em.createQuery("""
                        select g from AccessGrant g join fetch g.application
                        where g.company.id = :companyId and g.revokedAt is null""", AccessGrant.class)
                .setParameter("companyId", companyId).getResultStream()
                .forEach(grant -> granted.computeIfAbsent(grant.getUser().getId(), id -> new ArrayList<>())
                        .add(grant.getApplication()));
        return company.getMembers().stream()
                .sorted(Comparator.comparing(UserAccount::getLastName).thenComparing(UserAccount::getFirstName))
                .map(member -> new MemberAccess(member, granted.getOrDefault(member.getId(), List.of()).stream()
                        .sorted(Comparator.comparing(Application::getCode)).toList()))
                .toList();
    }

    /**
     * Saves a company's legal and contact data, for its administrators (a client administrator on DIRECT-billed
     * companies, the firm's on FIRM-billed ones); each value is checked, and the audit event keeps before and after.
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public Company updateCompany(long companyId, CompanyDetails typed, String sourceAddress) {
        Company company = company(companyId);
        Optional<ReadOnly> readOnly = whyReadOnly(companyId);
        if (readOnly.isPresent()) {
            throw new PortalException(readOnly.get().companyKey());
        }
        CompanyDetails checked = CompanyChecks.check(typed, company.getSiren());
        String before = company.describe();
        company.changeDetails(checked);
        String after = company.describe();
        if (!before.equals(after)) {
            audit.record(callerId(), "COMPANY_CHANGED", COMPANY, companyId, before, after, sourceAddress);
        }
        return company;
    }

    private static <T> List<T> page(TypedQuery<T> query, int first, int max) {
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    private Caller caller() {
        return Caller.of(session);
    }

    private long callerId() {
        return caller().id();
    }
}
