package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.access.control.GrantableApplications;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CompanyInvitation;
import fr.moncompte.portal.domain.organisation.entity.CompanyInvitation.Outcome;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The invitations to join a company that the signed-in person has received (issue 19): they list them and accept or
 * decline each, in Mon compte or through the API. Accepting makes them a member with the access asked for, as far as
 * the inviter may still give it; declining tells nobody. Someone else's invitation is "not found".
 */
@Stateless
@RolesAllowed(Roles.USER)
public class CompanyInvitations {

    /** An invitation waiting for the caller's answer, as Mon compte shows it. */
    public record Pending(String id, long companyId, String companyName, String invitedBy,
                          List<Application> applications, boolean administrator, Instant expiresAt) {
    }

    /** What accepting gave: the company, the applications now open there, whether the person administers it. */
    public record Joined(long companyId, String companyName, Set<String> applications, boolean administrator) {
    }

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    GrantableApplications grantable;

    /** The caller's invitations still waiting for an answer, oldest first, with their company and inviter. */
    public List<Pending> open() {
        return em.createNamedQuery(CompanyInvitation.OPEN_OF_ACCOUNT, CompanyInvitation.class)
                .setParameter("accountId", callerId()).setParameter("now", clock.instant()).getResultStream()
                .map(invitation -> new Pending(invitation.getId(), invitation.getCompany().getId(),
                        invitation.getCompany().getLegalName(), invitation.getInvitedBy().displayName(),
                        applications(invitation.getApplications()), invitation.isAdministrator(),
                        invitation.getExpiresAt()))
                .toList();
    }

    private List<Application> applications(Set<String> codes) {
        return codes.isEmpty() ? List.of() : em.createQuery(
                        "select a from Application a where a.code in :codes order by a.code", Application.class)
                .setParameter("codes", codes).getResultList();
    }

    /**
     * Joins the company: the membership, the access asked for to the applications still configured there, and the
     * administrator role if asked and the inviter still administers the company's account. Access already held is
     * kept as it is. Audited; nobody else is mailed: the person asked for it.
     *
     * @throws NotFound        not the caller's invitation
     * @throws PortalException {@code companyInvitation.answered}, {@code companyInvitation.replaced} (a newer one
     *                         came), {@code companyInvitation.expired}, or {@code companyInvitation.void} when the
     *                         inviter may no longer change the company
     */
    public Joined accept(String invitationId, String sourceAddress) {
        long me = callerId();
        Instant now = clock.instant();
        CompanyInvitation invitation = waiting(invitationId, me, now);
        Company company = invitation.getCompany();
        UserAccount inviter = invitation.getInvitedBy();
        // An operator who created the customer (issue 21) asked its first administrator in; anyone else must still
        // be able to change the company.
        if (inviter.getStatus() != AccountStatus.ACTIVE || !inviter.isOperator()
                && !scope.mayChangeCompany(new Caller(inviter.getId(), false), company.getId())) {
            throw new PortalException("companyInvitation.void");
        }
        UserAccount person = em.find(UserAccount.class, me);
        if (!scope.isMember(company.getId(), me)) {
            company.addMember(person);
        }
        boolean administrator = invitation.isAdministrator()
                && (inviter.isOperator() || company.getCustomerAccount().isAdministeredBy(inviter.getId()));
        if (administrator && !company.getCustomerAccount().isAdministeredBy(me)) {
            company.getCustomerAccount().addAdministrator(person);
        }
        Set<String> held = em.createNamedQuery(AccessGrant.CURRENT_OF_USER_ON_COMPANY, AccessGrant.class)
                .setParameter("userId", me).setParameter("companyId", company.getId()).getResultStream()
                .map(grant -> grant.getApplication().getCode()).collect(Collectors.toSet());
        Set<String> opened = new TreeSet<>();
        for (ConfiguredApplication configured : grantable.on(company.getId())) {
            String code = configured.getApplication().getCode();
            if (invitation.getApplications().contains(code) && !held.contains(code)) {
                em.persist(new AccessGrant(person, company, configured.getApplication(), inviter.getId(), now));
                opened.add(code);
            }
        }
        invitation.answer(Outcome.ACCEPTED, now);
        // Two administrators inviting at the same moment may leave two open: the one accepted answers both.
        em.createNamedQuery(CompanyInvitation.OPEN_OF_ACCOUNT_ON_COMPANY, CompanyInvitation.class)
                .setParameter("accountId", me).setParameter("companyId", company.getId()).setParameter("now", now)
                .getResultStream().forEach(sibling -> sibling.answer(Outcome.CANCELLED, now));
        audit.record(me, "COMPANY_INVITATION_ACCEPTED", UserAccount.AUDIT_TARGET, me, null,
                "invitation=" + invitation.getId() + ", company=" + company.getId() + ", administrator="
                        + administrator + ", applications=" + String.join(",", opened), sourceAddress);
        return new Joined(company.getId(), company.getLegalName(), opened, administrator);
    }

    /**
     * Declines the invitation: nothing changes, the inviter is not told (which would tell them the address has an
     * account). Audited.
     *
     * @throws NotFound        not the caller's invitation
     * @throws PortalException {@code companyInvitation.answered}, {@code companyInvitation.expired}
     */
    public void decline(String invitationId, String sourceAddress) {
        long me = callerId();
        Instant now = clock.instant();
        CompanyInvitation invitation = waiting(invitationId, me, now);
        invitation.answer(Outcome.DECLINED, now);
        audit.record(me, "COMPANY_INVITATION_DECLINED", UserAccount.AUDIT_TARGET, me, null,
                "invitation=" + invitation.getId() + ", company=" + invitation.getCompany().getId(), sourceAddress);
    }

    /** The caller's invitation, locked until the answer is written (two tabs answering at once: one wins). */
    private CompanyInvitation waiting(String invitationId, long me, Instant now) {
        CompanyInvitation invitation = invitationId == null || invitationId.length() > 36 ? null
                : em.find(CompanyInvitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null || invitation.getAccountId() != me) {
            throw new NotFound();
        }
        switch (invitation.stateAt(now)) {
            case ANSWERED -> throw new PortalException("companyInvitation.answered");
            case REPLACED -> throw new PortalException("companyInvitation.replaced");
            case EXPIRED -> throw new PortalException("companyInvitation.expired");
            default -> {
                return invitation;
            }
        }
    }

    private long callerId() {
        return Caller.of(session).id();
    }
}
