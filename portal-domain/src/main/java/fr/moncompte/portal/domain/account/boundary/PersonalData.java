package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.SignInAttempt;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.audit.entity.AuditEvent;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import fr.moncompte.portal.domain.session.entity.UserSession;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * A person's own data, to download (GDPR art. 15 and 20, issue 21): their account, their companies and access (held
 * and past), the customer accounts they administer, their sessions and sign-ins, their second factors (names and
 * dates, never a secret), and the audit events about them or made by them. The notifications module adds their inbox
 * and preferences. The download is audited.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class PersonalData {

    /** At most this many sign-ins and audit events each: years of a person's activity, bounded. */
    static final int MOST = 10_000;

    /** Everything the domain keeps about one person. */
    public record Export(UserAccount account, List<Company> companies, List<CustomerAccount> administered,
                         List<AccessGrant> access, List<UserSession> sessions, List<SignInAttempt> signIns,
                         List<SecondFactor> secondFactors, List<AuditEvent> auditEvents) {
    }

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    public Export mine(String sourceAddress) {
        long me = Long.parseLong(session.getCallerPrincipal().getName());
        UserAccount account = em.find(UserAccount.class, me);
        audit.record(me, "PERSONAL_DATA_EXPORTED", UserAccount.AUDIT_TARGET, me, null, null, sourceAddress);
        return new Export(account,
                em.createQuery("select c from Company c join c.members u where u.id = :me order by c.legalName",
                        Company.class).setParameter("me", me).getResultList(),
                em.createQuery("select a from CustomerAccount a join a.administrators u where u.id = :me order by a.name",
                        CustomerAccount.class).setParameter("me", me).getResultList(),
                em.createQuery("select g from AccessGrant g where g.user.id = :me order by g.grantedAt",
                        AccessGrant.class).setParameter("me", me).getResultList(),
                em.createQuery("select s from UserSession s where s.accountId = :me order by s.startedAt desc",
                        UserSession.class).setParameter("me", me).setMaxResults(MOST).getResultList(),
                em.createQuery("select a from SignInAttempt a where a.accountId = :me or a.emailKey = :key"
                                + " order by a.occurredAt desc", SignInAttempt.class)
                        .setParameter("me", me).setParameter("key", account.getEmailKey())
                        .setMaxResults(MOST).getResultList(),
                em.createQuery("select f from SecondFactor f where f.accountId = :me and f.confirmedAt is not null"
                        + " order by f.createdAt", SecondFactor.class).setParameter("me", me).getResultList(),
                em.createQuery("select e from AuditEvent e where (e.targetType = :user and e.targetId = :id)"
                                + " or e.actorId = :me order by e.occurredAt desc", AuditEvent.class)
                        .setParameter("user", UserAccount.AUDIT_TARGET).setParameter("id", Long.toString(me))
                        .setParameter("me", me).setMaxResults(MOST).getResultList());
    }
}
