package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and change which companies and people (SPEC §4 rules 1 and 3), for every boundary of the
 * administration spaces, so that pages and the REST API cannot differ. The rules themselves are stated on
 * {@link Reach}, what the caller administers, read here once per call; a company outside the caller's scope answers
 * as an unknown one does: "not found".
 */
@Dependent
public class Scope {

    /** The signed-in person, as the rules need them. */
    public record Caller(long id, boolean operator) {

        public static Caller of(SessionContext session) {
            return new Caller(Long.parseLong(session.getCallerPrincipal().getName()),
                    session.isCallerInRole(Roles.OPERATOR));
        }
    }

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    /** A scope reading through {@code em}, outside a container (the fast tests of the boundaries that use it). */
    public static Scope over(EntityManager em) {
        Scope scope = new Scope();
        scope.em = em;
        return scope;
    }

    /**
     * What the caller administers: the client accounts (kind CLIENT) and the accounting firms whose account lists
     * them among its administrators. An operator's reach is every company whatever they administer.
     */
    public Reach reach(Caller caller) {
        List<Long> accounts = em.createQuery("""
                        select ca.id from CustomerAccount ca join ca.administrators ad
                        where ad.id = :me and ca.kind = :client""", Long.class)
                .setParameter("me", caller.id()).setParameter("client", AccountKind.CLIENT).getResultList();
        List<Long> firms = em.createQuery("""
                        select f.id from AccountingFirm f join f.customerAccount fa join fa.administrators ad
                        where ad.id = :me""", Long.class)
                .setParameter("me", caller.id()).getResultList();
        return new Reach(caller.operator(), Set.copyOf(accounts), Set.copyOf(firms));
    }

    /** A company in the caller's scope, or "not found". */
    public Company company(Caller caller, long companyId) {
        return company(reach(caller), companyId);
    }

    /** As {@link #company(Caller, long)}, for a boundary that has read the caller's reach already. */
    public Company company(Reach reach, long companyId) {
        Company company = em.find(Company.class, companyId);
        if (company == null || !reach.sees(company)) {
            throw new NotFound();
        }
        return company;
    }

    /** A member of a company in the caller's scope, or "not found". */
    public UserAccount user(Caller caller, long userId) {
        return user(reach(caller), userId);
    }

    /** As {@link #user(Caller, long)}, for a boundary that has read the caller's reach already. */
    public UserAccount user(Reach reach, long userId) {
        if (companiesOf(userId).stream().noneMatch(reach::sees)) {
            throw new NotFound();
        }
        return em.find(UserAccount.class, userId);
    }

    public boolean mayChangeCompany(Caller caller, long companyId) {
        Company company = em.find(Company.class, companyId);
        return company != null && reach(caller).mayChange(company);
    }

    /** Whether the caller may change this user: a member of a company where the caller may act. */
    public boolean mayChangeUser(Caller caller, long userId) {
        Reach reach = reach(caller);
        return companiesOf(userId).stream().anyMatch(reach::mayChange);
    }

    /** Whether the person belongs to the company (whoever asks: the caller's rights are checked before). */
    public boolean isMember(long companyId, long userId) {
        return em.createQuery("select count(c) from Company c join c.members u where c.id = :c and u.id = :u",
                Long.class).setParameter("c", companyId).setParameter("u", userId).getSingleResult() > 0;
    }

    private List<Company> companiesOf(long userId) {
        return em.createQuery("select c from Company c join c.members u where u.id = :userId", Company.class)
                .setParameter("userId", userId).getResultList();
    }

    /**
     * Why the caller may see this company but not change it, or empty when they may (a company outside their scope
     * is "not found" before this is asked): {@link Reach#whyReadOnly}.
     */
    public Optional<ReadOnly> whyCompanyReadOnly(Caller caller, long companyId) {
        Reach reach = reach(caller);
        Company company = em.find(Company.class, companyId);
        return company == null ? Optional.of(reach.readOnlyReason()) : reach.whyReadOnly(company);
    }

    /** Why the caller may see this person but not change them, or empty when they may. */
    public Optional<ReadOnly> whyUserReadOnly(Caller caller, long userId) {
        return whyUserReadOnly(reach(caller), userId);
    }

    public Optional<ReadOnly> whyUserReadOnly(Reach reach, long userId) {
        return companiesOf(userId).stream().anyMatch(reach::mayChange) ? Optional.empty()
                : Optional.of(reach.readOnlyReason());
    }

    /**
     * Whether the caller may change this person's status, which is theirs everywhere: only when they may change
     * every company the person belongs to (issue 19).
     */
    public boolean mayChangeStatus(Reach reach, long userId) {
        return companiesOf(userId).stream().allMatch(reach::mayChange);
    }

    /** The person's companies the caller may change: those an administrator removes them from. */
    public List<Company> changeableCompaniesOf(Reach reach, long userId) {
        return companiesOf(userId).stream().filter(reach::mayChange).toList();
    }
}
