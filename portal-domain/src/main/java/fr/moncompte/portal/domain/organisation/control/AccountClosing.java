package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.session.control.SessionEnding;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What happens to a closed customer account's people once its last day has passed (issue 21), inside the caller's
 * transaction: those who belong to no other open account are disabled and their sessions end; those who do leave this
 * one (memberships, administrator role and access here end) and keep the rest. Done once per account.
 */
@Dependent
@Transactional(Transactional.TxType.MANDATORY)
public class AccountClosing {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    SessionEnding sessions;

    @Inject
    AuditLog audit;

    /** @param actorId the operator, or null when the schedule acts */
    public void disablePeople(CustomerAccount account, Long actorId) {
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        if (account.getPeopleDisabledAt() != null) {
            return;
        }
        Instant now = clock.instant();
        List<Company> companies = em.createQuery("select c from Company c where c.customerAccount = :account",
                Company.class).setParameter("account", account).getResultList();
        Set<UserAccount> people = new LinkedHashSet<>(account.getAdministrators());
        companies.forEach(company -> people.addAll(company.getMembers()));
        int disabled = 0;
        int left = 0;
        for (UserAccount person : people) {
            if (belongsElsewhere(person, account)) {
                companies.forEach(company -> company.removeMember(person));
                account.removeAdministrator(person);
                em.createQuery("""
                                select g from AccessGrant g where g.user.id = :id and g.revokedAt is null
                                and g.company.customerAccount = :account""", AccessGrant.class)
                        .setParameter("id", person.getId()).setParameter("account", account).getResultList()
                        .forEach(grant -> grant.revoke(actorId, now));
                left++;
            } else if (person.getStatus() != AccountStatus.DISABLED) {
                person.disable();
                sessions.endAllBut(person.getId(), null);
                disabled++;
            }
        }
        account.peopleDisabled(now);
        audit.record(actorId, "CUSTOMER_ACCOUNT_PEOPLE_DISABLED", "CUSTOMER_ACCOUNT", account.getId(), null,
                "disabled=" + disabled + ", left=" + left, null);
    }

    /** Whether the person is a member or an administrator of another account that is not closed. */
    public boolean belongsElsewhere(UserAccount person, CustomerAccount account) {
        return !em.createQuery("""
                        select c.id from Company c join c.members u where u.id = :id
                        and c.customerAccount <> :account and c.customerAccount.closedAt is null""", Long.class)
                .setParameter("id", person.getId()).setParameter("account", account).setMaxResults(1)
                .getResultList().isEmpty()
                || !em.createQuery("""
                        select a.id from CustomerAccount a join a.administrators u where u.id = :id
                        and a <> :account and a.closedAt is null""", Long.class)
                .setParameter("id", person.getId()).setParameter("account", account).setMaxResults(1)
                .getResultList().isEmpty();
    }
}
