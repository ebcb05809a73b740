package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.control.Administrators;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An operator erases a person on request (GDPR art. 17, issue 21). Their access is revoked (the grants stay, ended, as
 * the billing of past months needs them), their memberships and administrator roles end, their sessions end, their
 * second factors, links, invitations, sign-in attempts and help comments' authorship go; the audit log keeps its
 * events with their address and name replaced; the account row stays with none of their data. The notifications
 * module forgets their inbox, preferences and mails ({@code PERSON_ERASED}). Issued invoices name companies, not
 * people: they stay as they are. Refused for the last active administrator of a customer account (someone else must
 * be made administrator first, SPEC §4 rule 4), for an operator, and for oneself.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Erasure {

    public static final String PERSON_ERASED = "PERSON_ERASED";
    static final String MASK = "[effacé]";

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    Administrators administrators;

    @EJB
    ApplicationEvents events;

    /**
     * @throws NotFound        no such person, or erased already
     * @throws PortalException {@code erasure.yourself}, {@code erasure.operator}, {@code erasure.lastAdministrator}
     *                         (with the account's name)
     */
    public void erase(long userId, String sourceAddress) {
        long me = Long.parseLong(session.getCallerPrincipal().getName());
        UserAccount person = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (person == null || person.getErasedAt() != null) {
            throw new NotFound();
        }
        if (person.getId() == me) {
            throw new PortalException("erasure.yourself");
        }
        if (person.isOperator()) {
            throw new PortalException("erasure.operator");
        }
        List<CustomerAccount> administered = administrators.administeredBy(person);
        for (CustomerAccount account : administered) {
            if (administrators.isLastActive(person, account)) {
                throw new PortalException("erasure.lastAdministrator", account.getName());
            }
        }
        Instant now = clock.instant();
        String email = person.getEmail();
        String fullName = person.getFirstName() + " " + person.getLastName();
        int revoked = em.createQuery("""
                        update AccessGrant g set g.revokedAt = :now, g.revokedBy = :me
                        where g.user.id = :id and g.revokedAt is null""")
                .setParameter("now", now).setParameter("me", me).setParameter("id", userId).executeUpdate();
        administered.forEach(account -> account.removeAdministrator(person));
        em.createQuery("select c from Company c join c.members u where u.id = :id", Company.class)
                .setParameter("id", userId).getResultList().forEach(company -> company.removeMember(person));
        native_("update user_session set ended_at = ?1 where account_id = ?2 and ended_at is null", now, userId);
        native_("delete from recovery_code where account_id = ?1", userId);
        native_("delete from second_factor where account_id = ?1", userId);
        native_("delete from passkey_user where account_id = ?1", userId);
        native_("delete from account_link where account_id = ?1", userId);
        native_("delete from company_invitation where account_id = ?1", userId);
        native_("delete from sign_in_attempt where account_id = ?1 or email_key = ?2", userId, person.getEmailKey());
        native_("update help_feedback set user_account_id = null where user_account_id = ?1", userId);
        for (String said : List.of(email, fullName)) {
            native_("""
                    update audit_event set before_state = replace(before_state, ?1, ?2),
                                           after_state = replace(after_state, ?1, ?2)
                    where before_state like ?3 or after_state like ?3""", said, MASK, "%" + said + "%");
        }
        person.erase(now);
        audit.record(me, PERSON_ERASED, UserAccount.AUDIT_TARGET, userId, null,
                "grantsRevoked=" + revoked + ", accounts=" + administered.size(), sourceAddress);
        events.publish(new DomainEvent(UUID.randomUUID(), PERSON_ERASED, now, me,
                Map.of(DomainEvent.ACCOUNT, Long.toString(userId))));
    }

    private void native_(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
