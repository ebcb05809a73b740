package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;

/**
 * The companies, and the people in them, that an administrator may see (SPEC §4 rule 1): operators every company; a
 * client administrator the companies of their account; a firm administrator the companies billed through their firm
 * (and any administrator the companies they belong to). These lists back the spaces "Entreprises" and
 * "Utilisateurs", which are for administrators only. Paged and sorted in the database.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR})
public class CompanyScope {

    private static final String IN_SCOPE = """
            (:operator = 1
             or exists (select ca from CustomerAccount ca join ca.administrators ad
                        where ca = c.customerAccount and ad.id = :me and ca.kind = :client)
             or (c.billingMode = :firmBilled and exists (
                        select f from AccountingFirm f join f.customerAccount fa join fa.administrators ad
                        where f = c.accountingFirm and ad.id = :me))
             or exists (select m from Company mc join mc.members m where mc = c and m.id = :me))""";

    /**
     * Where the caller may change users (SPEC §4 rule 3): a firm administrator on the companies billed through the
     * firm; a client administrator on the companies of their account billed DIRECT only (for FIRM-billed ones the
     * firm acts). Operators read every tenant but change no user; membership alone changes nothing.
     */
    private static final String MAY_CHANGE = """
            ((c.billingMode = :firmBilled and exists (
                        select f from AccountingFirm f join f.customerAccount fa join fa.administrators ad
                        where f = c.accountingFirm and ad.id = :me))
             or (c.billingMode = :direct and exists (
                        select ca from CustomerAccount ca join ca.administrators ad
                        where ca = c.customerAccount and ad.id = :me and ca.kind = :client)))""";

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    LinkIssuing links;

    public List<Company> companies(int first, int max) {
        return page(em.createQuery("select c from Company c where " + IN_SCOPE + " order by c.legalName, c.id",
                Company.class), first, max);
    }

    public List<UserAccount> users(int first, int max) {
        return page(em.createQuery("select distinct u from Company c join c.members u where " + IN_SCOPE
                + " order by u.lastName, u.firstName, u.id", UserAccount.class), first, max);
    }

    /** A user in the caller's scope; anyone else is "not found" (SPEC §4 rule 1). */
    public UserAccount user(long userId) {
        return inScope(em.createQuery("select distinct u from Company c join c.members u where u.id = :userId and "
                + IN_SCOPE, UserAccount.class).setParameter("userId", userId))
                .getResultStream().findFirst().orElseThrow(NotFound::new);
    }

    /** Whether the caller may change this user: a member of a company where the caller may act (see MAY_CHANGE). */
    public boolean mayChange(long userId) {
        return !em.createQuery("select u.id from Company c join c.members u where u.id = :userId and " + MAY_CHANGE,
                        Long.class)
                .setParameter("userId", userId)
                .setParameter("me", callerId())
                .setParameter("client", AccountKind.CLIENT)
                .setParameter("firmBilled", BillingMode.FIRM)
                .setParameter("direct", BillingMode.DIRECT)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /**
     * Sends an invited user a new invitation link (7 days); the earlier link stops working. Someone who already chose
     * a password is not invited again ({@code invitation.notInvited}); a user the caller may only read is refused
     * ({@code users.readOnly}), and one outside the caller's scope is "not found".
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public void resendInvitation(long userId, String sourceAddress) {
        UserAccount user = user(userId);
        if (!mayChange(userId)) {
            throw new PortalException("users.readOnly");
        }
        if (user.getStatus() != AccountStatus.INVITED) {
            throw new PortalException("invitation.notInvited");
        }
        links.invitation(user, callerId(), sourceAddress);
    }

    private <T> List<T> page(TypedQuery<T> query, int first, int max) {
        return inScope(query).setFirstResult(first).setMaxResults(max).getResultList();
    }

    private <T> TypedQuery<T> inScope(TypedQuery<T> query) {
        return query.setParameter("operator", session.isCallerInRole(Roles.OPERATOR) ? 1 : 0)
                .setParameter("me", callerId())
                .setParameter("client", AccountKind.CLIENT)
                .setParameter("firmBilled", BillingMode.FIRM);
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
