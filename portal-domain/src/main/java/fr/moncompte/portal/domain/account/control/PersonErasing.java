package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erases one person's data inside the caller's transaction (issue 21): what an operator's erasure does once its rules
 * passed, and what the retention job does for the people of a customer account closed longer than the legal period.
 * Access is revoked (the grants stay, ended: past months' billing needs them), memberships and administrator roles
 * end, sessions end and lose their addresses, second factors, links, invitations and sign-ins go, help comments lose
 * their author; the audit log keeps its events, but those about the person say nothing of them any more, those they
 * made keep no source address, and elsewhere their address and full name are replaced; the row stays with none of
 * their data. The
 * notifications module forgets their inbox, preferences and mails ({@code PERSON_ERASED}).
 */
@Dependent
@Transactional(Transactional.TxType.MANDATORY)
public class PersonErasing {

    public static final String PERSON_ERASED = "PERSON_ERASED";
    /** What replaces a name or an address in the audit log. */
    public static final String MASK = "[effacé]";

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    ApplicationEvents events;

    /** @param actorId the operator, or null when the system erases (retention); answers how many grants ended */
    public int erase(UserAccount person, Long actorId, String sourceAddress) {
        Instant now = clock.instant();
        long id = person.getId();
        String email = person.getEmail();
        String fullName = person.getFirstName() + " " + person.getLastName();
        int revoked = em.createQuery("""
                        update AccessGrant g set g.revokedAt = :now, g.revokedBy = :actor
                        where g.user.id = :id and g.revokedAt is null""")
                .setParameter("now", now).setParameter("actor", actorId).setParameter("id", id).executeUpdate();
        em.createQuery("select a from CustomerAccount a join a.administrators u where u.id = :id",
                CustomerAccount.class).setParameter("id", id).getResultList()
                .forEach(account -> account.removeAdministrator(person));
        em.createQuery("select c from Company c join c.members u where u.id = :id", Company.class)
                .setParameter("id", id).getResultList().forEach(company -> company.removeMember(person));
        // A timestamp, not an Instant: a native query hands its parameters to the driver as they are, and PostgreSQL's
        // takes no Instant.
        execute("update user_session set ended_at = ?1 where account_id = ?2 and ended_at is null",
                Timestamp.from(now), id);
        execute("update user_session set source_address = null, user_agent = null where account_id = ?1", id);
        execute("delete from recovery_code where account_id = ?1", id);
        execute("delete from second_factor where account_id = ?1", id);
        execute("delete from passkey_user where account_id = ?1", id);
        execute("delete from account_link where account_id = ?1", id);
        execute("delete from company_invitation where account_id = ?1", id);
        execute("delete from sign_in_attempt where account_id = ?1 or email_key = ?2", id, person.getEmailKey());
        execute("update help_feedback set user_account_id = null where user_account_id = ?1", id);
        // The events about the person (their e-mail changes, phone, invitations, access…) keep what happened, not
        // what it said; the events they made keep no address they came from; elsewhere their address and name go.
        execute("""
                update audit_event set before_state = case when before_state is null then null else ?1 end,
                                       after_state = case when after_state is null then null else ?1 end
                where target_type = ?2 and target_id = ?3""", MASK, UserAccount.AUDIT_TARGET, Long.toString(id));
        execute("update audit_event set source_address = null where actor_id = ?1", id);
        for (String said : List.of("=" + email, fullName)) {
            String mask = said.startsWith("=") ? "=" + MASK : MASK;
            execute("""
                    update audit_event set before_state = replace(before_state, ?1, ?2),
                                           after_state = replace(after_state, ?1, ?2)
                    where before_state like ?3 or after_state like ?3""", said, mask, "%" + said + "%");
        }
        person.erase(now);
        events.publish(new DomainEvent(UUID.randomUUID(), PERSON_ERASED, now, actorId,
                Map.of(DomainEvent.ACCOUNT, Long.toString(id))));
        return revoked;
    }

    private void execute(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
