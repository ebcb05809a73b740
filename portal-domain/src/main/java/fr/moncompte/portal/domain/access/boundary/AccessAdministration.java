package fr.moncompte.portal.domain.access.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.access.control.GrantableApplications;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.control.Condition;
import fr.moncompte.portal.domain.organisation.control.Reach;
import fr.moncompte.portal.domain.organisation.control.ReadOnly;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Utilisateurs › Applications": which applications a user may open on each of their companies, and the granting and
 * revoking of that access. Only an application configured on the company, and not ended, can be granted (SPEC §4
 * rule 2); only where the caller may change users (rule 3); a user or company outside the caller's scope, or a company
 * the user does not belong to, is "not found" (rule 1). Each change is audited and sends its domain event.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR})
public class AccessAdministration {

    @Inject
    Clock clock;

    /**
     * One application on one company, as the user stands with it.
     *
     * @param configured the configuration that allows granting it today, absent when it ended (a grant may outlive
     *                   it: it can still be revoked)
     */
    public record ApplicationAccess(Application application, Optional<ConfiguredApplication> configured,
                                    boolean granted) {
    }

    /**
     * A company of the user, why the caller may not change access on it (null when they may), and its applications.
     */
    public record CompanyAccess(Company company, ReadOnly readOnly, List<ApplicationAccess> applications) {

        public boolean changeable() {
            return readOnly == null;
        }
    }

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    @Inject
    GrantableApplications grantable;

    /**
     * The user's companies in the caller's scope, by name, each with the applications configured on it (and any
     * still granted after its configuration ended), by code.
     */
    public List<CompanyAccess> ofUser(long userId) {
        Reach reach = scope.reach(Caller.of(session));
        scope.user(reach, userId);
        Condition seen = reach.companiesSeen("c");
        List<Company> companies = seen.bind(em.createQuery(
                "select c from Company c join c.members u where u.id = :userId and " + seen.jpql()
                        + " order by c.legalNameKey, c.id", Company.class)
                .setParameter("userId", userId)).getResultList();
        List<CompanyAccess> result = new ArrayList<>();
        for (Company company : companies) {
            Map<String, ApplicationAccess> rows = new LinkedHashMap<>();
            for (ConfiguredApplication configured : grantable.on(company.getId())) {
                rows.put(configured.getApplication().getCode(),
                        new ApplicationAccess(configured.getApplication(), Optional.of(configured), false));
            }
            for (AccessGrant grant : currentGrants(userId, company.getId())) {
                String code = grant.getApplication().getCode();
                ApplicationAccess row = rows.get(code);
                rows.put(code, new ApplicationAccess(grant.getApplication(),
                        row == null ? Optional.empty() : row.configured(), true));
            }
            result.add(new CompanyAccess(company, reach.whyReadOnly(company).orElse(null),
                    rows.values().stream()
                            .sorted(Comparator.comparing(access -> access.application().getCode())).toList()));
        }
        return result;
    }

    /**
     * Lets the user open the application on the company. Granting what is granted already changes nothing.
     *
     * @throws NotFound        the user, or the company, is outside the caller's scope, or the user is no member of it
     * @throws PortalException {@code access.readOnly} (rule 3), {@code access.notConfigured} (rule 2)
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public void grant(long userId, long companyId, String applicationCode, String sourceAddress) {
        Caller caller = Caller.of(session);
        Target target = target(caller, userId, companyId);
        if (!currentGrants(userId, companyId, applicationCode).isEmpty()) {
            return;
        }
        ConfiguredApplication configured = grantable.find(companyId, applicationCode)
                .orElseThrow(() -> new PortalException("access.notConfigured"));
        AccessGrant grant = new AccessGrant(target.user(), target.company(), configured.getApplication(), caller.id(),
                clock.instant());
        em.persist(grant);
        audit.record(caller.id(), "ACCESS_GRANTED", UserAccount.AUDIT_TARGET, userId, null, grant.describe(),
                sourceAddress);
        events.publish(DomainEvent.aboutAccess(AccountEventType.ACCESS_GRANTED, caller.id(), userId, companyId,
                applicationCode, clock.instant()));
    }

    /**
     * Ends the user's access to the application on the company; the grant stays as history. Revoking what is not
     * granted changes nothing.
     *
     * @throws NotFound        as {@link #grant}
     * @throws PortalException {@code access.readOnly} (rule 3)
     */
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public void revoke(long userId, long companyId, String applicationCode, String sourceAddress) {
        Caller caller = Caller.of(session);
        target(caller, userId, companyId);
        List<AccessGrant> current = currentGrants(userId, companyId, applicationCode);
        if (current.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        current.forEach(grant -> grant.revoke(caller.id(), now));
        audit.record(caller.id(), "ACCESS_REVOKED", UserAccount.AUDIT_TARGET, userId, current.get(0).describe(),
                null, sourceAddress);
        events.publish(DomainEvent.aboutAccess(AccountEventType.ACCESS_REVOKED, caller.id(), userId, companyId,
                applicationCode, clock.instant()));
    }

    private record Target(UserAccount user, Company company) {
    }

    /**
     * The user and company of a change, both in scope and the user a member; the user's row is locked for the rest
     * of the transaction, so that two administrators granting the same access at once make one grant.
     */
    private Target target(Caller caller, long userId, long companyId) {
        Reach reach = scope.reach(caller);
        UserAccount user = scope.user(reach, userId);
        Company company = scope.company(reach, companyId);
        if (!company.getMembers().contains(user)) {
            throw new NotFound();
        }
        if (!reach.mayChange(company)) {
            throw new PortalException("access.readOnly");
        }
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        return new Target(user, company);
    }

    private List<AccessGrant> currentGrants(long userId, long companyId) {
        return em.createNamedQuery(AccessGrant.CURRENT_OF_USER_ON_COMPANY, AccessGrant.class)
                .setParameter("userId", userId).setParameter("companyId", companyId).getResultList();
    }

    private List<AccessGrant> currentGrants(long userId, long companyId, String applicationCode) {
        return currentGrants(userId, companyId).stream()
                .filter(grant -> grant.getApplication().getCode().equals(applicationCode)).toList();
    }
}
