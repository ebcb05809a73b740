package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.ResultPage;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.SearchKey;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.control.Administrators;
import fr.moncompte.portal.domain.organisation.control.Condition;
import fr.moncompte.portal.domain.organisation.control.Reach;
import fr.moncompte.portal.domain.organisation.control.ReadOnly;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.session.control.SessionEnding;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Utilisateurs": the people of the companies an administrator may see (SPEC §4 rule 1), a person's page, and what
 * their administrators do to them here: disable or enable them, send an invitation again; with the reason why an
 * administrator may only read someone. Paged and sorted in the database. Access and roles are
 * {@code AccessAdministration}'s and {@code AccountRoles}'.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR})
public class PeopleDirectory {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    LinkIssuing links;

    @Inject
    AuditLog audit;

    @Inject
    SessionEnding sessionEnding;

    @Inject
    Scope scope;

    @Inject
    Administrators administrators;

    @Inject
    ApplicationEvents events;

    @Inject
    Clock clock;

    /** How the users list may be sorted. */
    public enum UserOrder {
        NAME("u.lastNameKey"), EMAIL("u.emailKey"), STATUS("u.status");

        final String column;

        UserOrder(String column) {
            this.column = column;
        }
    }

    /**
     * A page of the users of the companies in scope whose last name, first name or e-mail starts with
     * {@code search} (case and accents ignored).
     */
    public ResultPage<UserAccount> users(String search, UserOrder order, boolean ascending, int first, int max) {
        Condition seen = seen();
        return new ResultPage<>(findUsers(seen, search, order, ascending, first, max), countUsers(seen, search));
    }

    /** The rows of {@link #users} alone. */
    public List<UserAccount> findUsers(String search, UserOrder order, boolean ascending, int first, int max) {
        return findUsers(seen(), search, order, ascending, first, max);
    }

    private List<UserAccount> findUsers(Condition seen, String search, UserOrder order, boolean ascending,
                                        int first, int max) {
        if (session.isCallerInRole(Roles.OPERATOR)) {
            // SPEC §1: an operator's every read is logged, lists and searches too.
            audit.record(callerId(), "USERS_LISTED", UserAccount.AUDIT_TARGET, null, null,
                    CompanyDirectory.listed(search, first, max), null);
        }
        return page(userSearch(seen, "select u from UserAccount u", search, UserAccount.class,
                " order by " + order.column + (ascending ? " asc" : " desc") + ", u.id"), first, max);
    }

    public long countUsers(String search) {
        return countUsers(seen(), search);
    }

    private long countUsers(Condition seen, String search) {
        return userSearch(seen, "select count(u) from UserAccount u", search, Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> userSearch(Condition seen, String select, String search, Class<T> type,
                                         String orderBy) {
        // A correlated EXISTS, not "u.id in (every user in scope)": the database checks the scope of the rows the
        // search matches instead of building the set of all users in scope first (3 to 4 times faster on 100,000).
        String where = " where exists (select c from Company c join c.members mb where mb = u and " + seen.jpql()
                + ")"
                + (blank(search) ? "" : " and (u.lastNameKey like :name escape '\\'"
                + " or u.firstNameKey like :name escape '\\' or u.emailKey like :name escape '\\')");
        TypedQuery<T> query = seen.bind(em.createQuery(select + where + orderBy, type));
        if (!blank(search)) {
            query.setParameter("name", SearchKey.prefixPattern(search));
        }
        return query;
    }

    /** The companies in the caller's scope, as a condition on {@code c}: read once per list request. */
    private Condition seen() {
        return scope.reach(caller()).companiesSeen("c");
    }

    private static boolean blank(String search) {
        return search == null || search.isBlank();
    }

    /** A user in the caller's scope; anyone else is "not found" (SPEC §4 rule 1). */
    public UserAccount user(long userId) {
        return scope.user(caller(), userId);
    }

    /** "Utilisateurs › (a user)": a user in scope, as {@link #user}; an operator's read is logged. */
    public UserAccount userDetails(long userId) {
        UserAccount user = user(userId);
        if (session.isCallerInRole(Roles.OPERATOR)) {
            audit.record(callerId(), "USER_READ", UserAccount.AUDIT_TARGET, userId, null, null, null);
        }
        return user;
    }

    /**
     * Disables or enables a user the caller may change (rule 3), everywhere: so only a caller who may change every
     * company the user belongs to ({@code users.beyondReach} otherwise: see {@link #removeFromCallersCompanies}).
     * Nobody disables themselves, nor the last active administrator of a customer account (SPEC §4 rule 4); a
     * disabled user's sessions end at once. Audited.
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public UserAccount changeStatus(long userId, boolean enabled, String sourceAddress) {
        Reach reach = scope.reach(caller());
        UserAccount user = scope.user(reach, userId);
        Optional<ReadOnly> readOnly = scope.whyUserReadOnly(reach, userId);
        if (readOnly.isPresent()) {
            throw new PortalException(readOnly.get().personKey());
        }
        if (!enabled && userId == callerId()) {
            throw new PortalException("users.notYourself");
        }
        if (!scope.mayChangeStatus(reach, userId)) {
            // The status is the person's everywhere: only who may change every company of theirs changes it.
            throw new PortalException("users.beyondReach");
        }
        AccountStatus before = user.getStatus();
        if (enabled && before == AccountStatus.DISABLED) {
            user.enable();
        } else if (!enabled && before != AccountStatus.DISABLED) {
            if (administrators.isLastActiveAnywhere(user)) {
                throw new PortalException("users.lastAdministrator");
            }
            user.disable();
            sessionEnding.endAllBut(userId, null);
        } else {
            return user;
        }
        audit.record(callerId(), enabled ? "USER_ENABLED" : "USER_DISABLED", UserAccount.AUDIT_TARGET, userId,
                "status=" + before, "status=" + user.getStatus(), sourceAddress);
        return user;
    }

    /**
     * Whether the caller may disable or enable this person across the board: only when they may change every company
     * the person belongs to (issue 19: the status is global, the right to change it is per company). Otherwise the
     * caller removes the person from their own companies ({@link #removeFromCallersCompanies}).
     */
    public boolean mayChangeStatus(long userId) {
        Reach reach = scope.reach(caller());
        scope.user(reach, userId);
        return scope.mayChangeStatus(reach, userId);
    }

    /**
     * Removes the person from each company of theirs the caller may change: the membership ends, the access to those
     * companies' applications is revoked, each is audited and the person is told ({@code MEMBERSHIP_ENDED}); their
     * other companies, status and sessions do not change. Nobody removes themselves; an administrator of one of those
     * companies' accounts is refused ({@code users.removeAdministrator}: take the role away first).
     *
     * @return how many companies the person was removed from
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public int removeFromCallersCompanies(long userId, String sourceAddress) {
        Reach reach = scope.reach(caller());
        UserAccount user = scope.user(reach, userId);
        Optional<ReadOnly> readOnly = scope.whyUserReadOnly(reach, userId);
        if (readOnly.isPresent()) {
            throw new PortalException(readOnly.get().personKey());
        }
        if (userId == callerId()) {
            throw new PortalException("users.notYourself");
        }
        List<Company> removable = scope.changeableCompaniesOf(reach, userId);
        if (removable.stream().anyMatch(company -> company.getCustomerAccount().isAdministeredBy(userId))) {
            throw new PortalException("users.removeAdministrator");
        }
        Instant now = clock.instant();
        for (Company company : removable) {
            company.removeMember(user);
            em.createNamedQuery(AccessGrant.CURRENT_OF_USER_ON_COMPANY, AccessGrant.class)
                    .setParameter("userId", userId).setParameter("companyId", company.getId())
                    .getResultStream().forEach(grant -> grant.revoke(callerId(), now));
            audit.record(callerId(), "USER_REMOVED_FROM_COMPANY", UserAccount.AUDIT_TARGET, userId,
                    "company=" + company.getId(), null, sourceAddress);
            events.publish(DomainEvent.aboutMembership(AccountEventType.MEMBERSHIP_ENDED, callerId(), userId,
                    company.getId(), now));
        }
        return removable.size();
    }

    /**
     * Why the caller may not change this user (SPEC §4 rule 3), or empty when they may: what the user's page says
     * instead of its buttons.
     */
    public Optional<ReadOnly> whyReadOnly(long userId) {
        return scope.whyUserReadOnly(caller(), userId);
    }

    /**
     * Sends an invited user a new invitation link (7 days); the earlier link stops working. Someone who already chose
     * a password is not invited again ({@code invitation.notInvited}); a user the caller may only read is refused
     * ({@code users.readOnly}), and one outside the caller's scope is "not found".
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public void resendInvitation(long userId, String sourceAddress) {
        UserAccount user = user(userId);
        if (whyReadOnly(userId).isPresent()) {
            throw new PortalException("users.readOnly");
        }
        if (user.getStatus() != AccountStatus.INVITED) {
            throw new PortalException("invitation.notInvited");
        }
        links.invitation(user, callerId(), sourceAddress);
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
