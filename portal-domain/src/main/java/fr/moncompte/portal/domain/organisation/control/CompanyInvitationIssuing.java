package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CompanyInvitation;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Invites an existing person to join a company, inside the caller's transaction: a newer invitation to the same
 * company replaces the open one (without a second mail), the invitation is audited, and the person is told in their
 * language ({@code COMPANY_INVITATION}: mail and inbox). Someone who declined to join that company within
 * {@link #QUIET_AFTER_DECLINE} is not asked again. Who may invite, and whether the person is already a member, is the
 * calling boundary's business.
 */
@Dependent
@Transactional(Transactional.TxType.MANDATORY)
public class CompanyInvitationIssuing {

    /** How long nobody invites again someone who declined to join a company. */
    static final Duration QUIET_AFTER_DECLINE = Duration.ofDays(30);

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    public void invite(UserAccount person, Company company, long inviterId, boolean administrator,
                       Set<String> applications, String sourceAddress) {
        Instant now = clock.instant();
        if (person.isOperator()) {
            // The vendor's operators belong to no customer company: the administrator is answered as for anyone.
            audit.record(inviterId, "COMPANY_INVITATION_NOT_SENT", UserAccount.AUDIT_TARGET, person.getId(), null,
                    "company=" + company.getId() + ", reason=operator", sourceAddress);
            return;
        }
        List<CompanyInvitation> open = em.createNamedQuery(CompanyInvitation.OPEN_OF_ACCOUNT_ON_COMPANY,
                        CompanyInvitation.class)
                .setParameter("accountId", person.getId()).setParameter("companyId", company.getId())
                .setParameter("now", now).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        boolean declinedLately = !em.createNamedQuery(CompanyInvitation.DECLINED_SINCE, CompanyInvitation.class)
                .setParameter("accountId", person.getId()).setParameter("companyId", company.getId())
                .setParameter("declined", CompanyInvitation.Outcome.DECLINED)
                .setParameter("since", now.minus(QUIET_AFTER_DECLINE)).setMaxResults(1).getResultList().isEmpty();
        if (declinedLately) {
            // They said no: nobody asks them again for a while, and the administrator is answered as ever.
            audit.record(inviterId, "COMPANY_INVITATION_NOT_SENT", UserAccount.AUDIT_TARGET, person.getId(), null,
                    "company=" + company.getId() + ", reason=declined", sourceAddress);
            return;
        }
        open.forEach(earlier -> earlier.answer(CompanyInvitation.Outcome.CANCELLED, now));
        CompanyInvitation invitation = new CompanyInvitation(person.getId(), company,
                em.getReference(UserAccount.class, inviterId), administrator, applications, now);
        em.persist(invitation);
        audit.record(inviterId, "COMPANY_INVITATION_SENT", UserAccount.AUDIT_TARGET, person.getId(), null,
                "invitation=" + invitation.getId() + ", company=" + company.getId() + ", administrator="
                        + administrator + ", applications=" + String.join(",", invitation.getApplications())
                        + ", expiresAt=" + invitation.getExpiresAt(), sourceAddress);
        if (open.isEmpty()) {
            // One mail per invitation waiting: a newer one replaces it (with what it asks for) without a new mail.
            events.publish(DomainEvent.aboutMembership(AccountEventType.COMPANY_INVITATION, inviterId,
                    person.getId(), company.getId(), now));
        }
    }
}
