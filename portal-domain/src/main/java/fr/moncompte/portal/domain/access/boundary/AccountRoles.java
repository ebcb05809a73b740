package fr.moncompte.portal.domain.access.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.control.Administrators;
import fr.moncompte.portal.domain.organisation.control.Condition;
import fr.moncompte.portal.domain.organisation.control.Reach;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.session.control.SessionEnding;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * A user's role on the customer accounts of their companies: user, or administrator of the account. Only the
 * account's own administrators appoint or demote its administrators, and only for people they may change (SPEC §4
 * rule 3): a firm acts for the companies it bills, it does not choose who administers its client's account. The last
 * active administrator of an account is never demoted (rule 4), nor does anyone demote themselves. Roles are read at sign-in: a demoted person's sessions end at once, an appointed person
 * gets the administration spaces at their next sign-in. Audited.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR})
public class AccountRoles {

    /** One customer account of the user's companies, whether they administer it, whether the caller may change it. */
    public record AccountRole(CustomerAccount account, boolean administrator, boolean changeable) {
    }

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Scope scope;

    @Inject
    Administrators administrators;

    @Inject
    SessionEnding sessionEnding;

    @Inject
    AuditLog audit;

    /** The accounts of the user's companies within the caller's scope, by name. */
    public List<AccountRole> of(long userId) {
        Caller caller = Caller.of(session);
        Reach reach = scope.reach(caller);
        return of(caller, reach, scope.user(reach, userId));
    }

    private List<AccountRole> of(Caller caller, Reach reach, UserAccount user) {
        long userId = user.getId();
        Condition seen = reach.companiesSeen("c");
        List<CustomerAccount> accounts = seen.bind(em.createQuery("""
                        select distinct acc from Company c join c.members u join c.customerAccount acc
                        where u.id = :userId and\s""" + seen.jpql() + " order by acc.name", CustomerAccount.class)
                .setParameter("userId", userId)).getResultList();
        return accounts.stream().map(account -> new AccountRole(account, account.getAdministrators().contains(user),
                account.isAdministeredBy(caller.id()) && mayChange(reach, userId, account))).toList();
    }

    /**
     * Makes the user an administrator of the account, or a user only.
     *
     * @throws NotFound        the user, or the account, is outside the caller's scope
     * @throws PortalException {@code users.roleNotYours} (not an administrator of that account),
     *                         {@code users.readOnlyChange} (rule 3), {@code users.lastAdministrator} (rule 4),
     *                         {@code users.notYourselfRole} (another administrator demotes you)
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public void change(long userId, long accountId, boolean administrator, String sourceAddress) {
        Caller caller = Caller.of(session);
        Reach reach = scope.reach(caller);
        UserAccount user = scope.user(reach, userId);
        AccountRole role = of(caller, reach, user).stream()
                .filter(candidate -> candidate.account().getId() == accountId).findFirst().orElseThrow(NotFound::new);
        if (!role.account().isAdministeredBy(caller.id())) {
            throw new PortalException("users.roleNotYours");
        }
        if (!role.changeable()) {
            throw new PortalException("users.readOnlyChange");
        }
        CustomerAccount account = role.account();
        // Two administrators appointing the same person at once: one waits for the other and finds it done.
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(account);
        if (administrator == account.getAdministrators().contains(user)) {
            return;
        }
        if (administrator) {
            account.addAdministrator(user);
        } else {
            if (userId == caller.id()) {
                throw new PortalException("users.notYourselfRole");
            }
            if (administrators.isLastActive(user, account)) {
                throw new PortalException("users.lastAdministrator");
            }
            account.removeAdministrator(user);
            // The demoted person signs in again, as a user: no page opened on the old role goes on.
            sessionEnding.endAllBut(userId, null);
        }
        audit.record(caller.id(), administrator ? "ADMINISTRATOR_APPOINTED" : "ADMINISTRATOR_REMOVED",
                UserAccount.AUDIT_TARGET, userId, "account=" + accountId + ", administrator=" + !administrator,
                "account=" + accountId + ", administrator=" + administrator, sourceAddress);
    }

    /** The caller may change users on a company of this account that the user belongs to. */
    private boolean mayChange(Reach reach, long userId, CustomerAccount account) {
        Condition changeable = reach.companiesChangeable("c");
        return !changeable.bind(em.createQuery("""
                        select c.id from Company c join c.members u
                        where u.id = :userId and c.customerAccount = :account and\s""" + changeable.jpql(),
                        Long.class)
                .setParameter("userId", userId).setParameter("account", account))
                .setMaxResults(1).getResultList().isEmpty();
    }
}
