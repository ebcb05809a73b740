package fr.moncompte.portal.domain.retention.boundary;

import fr.moncompte.portal.domain.account.control.PersonErasing;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps traces no longer than needed, and personal data no longer than the law keeps invoices (GDPR art. 5(1)(e), issue 21): sign-in attempts older than
 * {@code portal.retention.sign-in-attempts} (365 days by default) and sessions ended longer ago than
 * {@code portal.retention.ended-sessions} (365 days) are deleted every night; the notifications module does the same
 * for sent mails. The audit log is not a trace but the record of changes, and stays.
 */
@Stateless
@PermitAll
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.retention.sign-in-attempts", defaultValue = "P365D")
    Duration signInAttempts;

    @Inject
    @ConfigProperty(name = "portal.retention.ended-sessions", defaultValue = "P365D")
    Duration endedSessions;

    @Inject
    PersonErasing erasing;

    @Inject
    AuditLog audit;

    @Schedule(hour = "2", minute = "30", persistent = false, info = "retention")
    void nightly() {
        purge();
        anonymiseClosedAccounts(LocalDate.now(clock));
    }

    /**
     * The customer accounts closed longer ago than the legal period (their {@code anonymise_after} passed by
     * {@code today}): the people who belong to no other account still kept are erased, the companies lose their
     * contact address and phone, the account its billing address. Invoices stay. Answers how many people were erased.
     */
    public int anonymiseClosedAccounts(LocalDate today) {
        int erased = 0;
        for (CustomerAccount account : em.createQuery(
                "select a from CustomerAccount a where a.anonymiseAfter < :today and a.anonymisedAt is null",
                CustomerAccount.class).setParameter("today", today).getResultList()) {
            List<Company> companies = em.createQuery("select c from Company c where c.customerAccount = :account",
                    Company.class).setParameter("account", account).getResultList();
            Set<UserAccount> people = new LinkedHashSet<>(account.getAdministrators());
            companies.forEach(company -> people.addAll(company.getMembers()));
            for (UserAccount person : people) {
                boolean elsewhere = !em.createQuery("select c.id from Company c join c.members u where u.id = :id"
                                + " and c.customerAccount <> :account and c.customerAccount.anonymisedAt is null",
                        Long.class).setParameter("id", person.getId()).setParameter("account", account)
                        .setMaxResults(1).getResultList().isEmpty()
                        || !em.createQuery("select a.id from CustomerAccount a join a.administrators u"
                                + " where u.id = :id and a <> :account and a.anonymisedAt is null", Long.class)
                        .setParameter("id", person.getId()).setParameter("account", account).setMaxResults(1)
                        .getResultList().isEmpty();
                if (!elsewhere && person.getErasedAt() == null && !person.isOperator()) {
                    erasing.erase(person, null, null);
                    erased++;
                }
            }
            companies.forEach(Company::forgetContact);
            account.anonymised(clock.instant());
            audit.record(null, "CUSTOMER_ACCOUNT_ANONYMISED", "CUSTOMER_ACCOUNT", account.getId(), null,
                    "people=" + people.size(), null);
        }
        int count = erased;
        if (count > 0) {
            LOG.info(() -> "Retention: " + count + " person(s) of closed accounts erased.");
        }
        return erased;
    }

    /** Deletes what is past its period now; answers how many attempts and sessions went. */
    public int[] purge() {
        Instant now = clock.instant();
        int attempts = em.createQuery("delete from SignInAttempt a where a.occurredAt < :before")
                .setParameter("before", now.minus(signInAttempts)).executeUpdate();
        int sessions = em.createQuery("delete from UserSession s where s.endedAt is not null and s.endedAt < :before")
                .setParameter("before", now.minus(endedSessions)).executeUpdate();
        LOG.info(() -> "Retention: " + attempts + " sign-in attempt(s) older than " + signInAttempts + " and "
                + sessions + " session(s) ended before " + endedSessions + " deleted.");
        return new int[]{attempts, sessions};
    }
}
