package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.Optional;

/**
 * Who may see and change which companies and people (SPEC §4 rules 1 and 3), as query conditions every boundary of
 * the administration spaces shares, so that pages and the REST API cannot differ. A company outside the caller's
 * scope answers as an unknown one does: "not found".
 */
@Dependent
public class Scope {

    /**
     * The company {@code c} is in the caller's administration scope (SPEC §4 rule 1): operators every company; a
     * client administrator the companies of their account; a firm administrator the companies billed through their
     * firm. Belonging to a company is no administration scope: an administrator who is also a member of another
     * tenant's company sees nothing of it here. Its subqueries use ca, ad, f, fa: keep those aliases out of outer
     * queries.
     */
    public static final String IN_SCOPE = """
            (:operator = 1
             or exists (select ca from CustomerAccount ca join ca.administrators ad
                        where ca = c.customerAccount and ad.id = :me and ca.kind = :client)
             or (c.billingMode = :firmBilled and exists (
                        select f from AccountingFirm f join f.customerAccount fa join fa.administrators ad
                        where f = c.accountingFirm and ad.id = :me)))""";

    /**
     * Where the caller may change users and access (SPEC §4 rule 3): a firm administrator on the companies billed
     * through the firm; a client administrator on the companies of their account billed DIRECT only (for FIRM-billed
     * ones the firm acts). Operators read every tenant but change no user; membership alone changes nothing.
     */
    public static final String MAY_CHANGE = """
            ((c.billingMode = :firmBilled and exists (
                        select f from AccountingFirm f join f.customerAccount fa join fa.administrators ad
                        where f = c.accountingFirm and ad.id = :me))
             or (c.billingMode = :direct and exists (
                        select ca from CustomerAccount ca join ca.administrators ad
                        where ca = c.customerAccount and ad.id = :me and ca.kind = :client)))""";

    /** The signed-in person, as the conditions need them. */
    public record Caller(long id, boolean operator) {

        public static Caller of(SessionContext session) {
            return new Caller(Long.parseLong(session.getCallerPrincipal().getName()),
                    session.isCallerInRole(Roles.OPERATOR));
        }
    }

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    /** Binds the parameters of {@link #IN_SCOPE}. */
    public <T> TypedQuery<T> inScope(TypedQuery<T> query, Caller caller) {
        return query.setParameter("operator", caller.operator() ? 1 : 0)
                .setParameter("me", caller.id())
                .setParameter("client", AccountKind.CLIENT)
                .setParameter("firmBilled", BillingMode.FIRM);
    }

    /** Binds the parameters of {@link #MAY_CHANGE}. */
    public <T> TypedQuery<T> mayChange(TypedQuery<T> query, Caller caller) {
        return query.setParameter("me", caller.id())
                .setParameter("client", AccountKind.CLIENT)
                .setParameter("firmBilled", BillingMode.FIRM)
                .setParameter("direct", BillingMode.DIRECT);
    }

    /** A company in the caller's scope, or "not found". */
    public Company company(Caller caller, long companyId) {
        return inScope(em.createQuery("select c from Company c where c.id = :companyId and " + IN_SCOPE,
                Company.class).setParameter("companyId", companyId), caller).getResultStream().findFirst()
                .orElseThrow(NotFound::new);
    }

    /** A member of a company in the caller's scope, or "not found". */
    public UserAccount user(Caller caller, long userId) {
        return inScope(em.createQuery("select distinct u from Company c join c.members u where u.id = :userId and "
                + IN_SCOPE, UserAccount.class).setParameter("userId", userId), caller)
                .getResultStream().findFirst().orElseThrow(NotFound::new);
    }

    public boolean mayChangeCompany(Caller caller, long companyId) {
        return !mayChange(em.createQuery("select c.id from Company c where c.id = :companyId and " + MAY_CHANGE,
                Long.class).setParameter("companyId", companyId), caller).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the caller may change this user: a member of a company where the caller may act. */
    public boolean mayChangeUser(Caller caller, long userId) {
        return !mayChange(em.createQuery("select u.id from Company c join c.members u where u.id = :userId and "
                + MAY_CHANGE, Long.class).setParameter("userId", userId), caller)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Why the caller may see this company but not change it, or empty when they may (a company outside their scope
     * is "not found" before this is asked). Administration scope and the right to change differ only for a client
     * administrator on a company billed through a firm, and for operators.
     */
    public Optional<ReadOnly> whyCompanyReadOnly(Caller caller, long companyId) {
        return mayChangeCompany(caller, companyId) ? Optional.empty() : Optional.of(reason(caller));
    }

    /** Why the caller may see this person but not change them, or empty when they may. */
    public Optional<ReadOnly> whyUserReadOnly(Caller caller, long userId) {
        return mayChangeUser(caller, userId) ? Optional.empty() : Optional.of(reason(caller));
    }

    private static ReadOnly reason(Caller caller) {
        return caller.operator() ? ReadOnly.OPERATOR : ReadOnly.BILLED_THROUGH_FIRM;
    }
}
