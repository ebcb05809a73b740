package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.Lockout;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.entity.SignInAttempt;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks e-mail and password, and keeps every attempt. Every failure looks the same from outside, and takes the time
 * of a real hash check, so that nobody learns whether an e-mail is known; five failures within fifteen minutes lock
 * the account for fifteen minutes and tell its owner ({@link EventType#ACCOUNT_LOCKED}) — SPEC §4 rule 6.
 */
@Stateless
@PermitAll
public class SignIn {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    @Resource
    SessionContext context;

    @Inject
    MetricRegistry metrics;

    /**
     * @param sourceAddress where the attempt came from, kept with it
     * @param userAgent     the browser, kept with it (the "Sécurité" history shows both)
     */
    public Optional<SignedIn> verify(String email, String password, String sourceAddress, String userAgent) {
        Instant now = clock.instant();
        String emailKey = UserAccount.emailKey(email);
        Optional<UserAccount> found = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", emailKey)
                .getResultStream().findFirst();
        if (found.isEmpty() || found.get().getPasswordHash() == null) {
            hashing.spendDecoyCheck();
            em.persist(new SignInAttempt(found.map(UserAccount::getId).orElse(null), emailKey, now, false,
                    sourceAddress, userAgent));
            counted(false);
            return Optional.empty();
        }
        UserAccount account = found.get();
        // The hash is checked even for a locked account: the answer takes the same time either way.
        boolean passwordMatches = hashing.matches(password, account.getPasswordHash());
        if (passwordMatches && account.canSignIn(now)) {
            em.persist(new SignInAttempt(account.getId(), emailKey, now, true, sourceAddress, userAgent));
            counted(true);
            return Optional.of(new SignedIn(account.getId(), rolesOf(account)));
        }
        em.persist(new SignInAttempt(account.getId(), emailKey, now, false, sourceAddress, userAgent));
        counted(false);
        if (!account.isLockedAt(now)) {
            lockAfterRepeatedFailures(account, now, sourceAddress);
        }
        return Optional.empty();
    }

    /**
     * A wrong current password typed in "Mon compte" (to change the password or the e-mail) counts as a failed
     * sign-in: someone holding a stolen session cannot try passwords there without locking the account. In its own
     * transaction, so that it is kept although the change it came with is refused.
     */
    @RolesAllowed(Roles.USER)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordWrongCurrentPassword(String sourceAddress) {
        UserAccount account = em.find(UserAccount.class, Long.parseLong(context.getCallerPrincipal().getName()));
        Instant now = clock.instant();
        em.persist(new SignInAttempt(account.getId(), account.getEmailKey(), now, false, sourceAddress, null));
        if (!account.isLockedAt(now)) {
            lockAfterRepeatedFailures(account, now, sourceAddress);
        }
    }

    /** Sign-ins through the pages and the API, by outcome, for the dashboards (a surge of failures is an attack). */
    private void counted(boolean success) {
        metrics.counter(Metadata.builder().withName("portal.signins")
                .withDescription("Sign-in attempts on this node, by outcome").build(),
                new Tag("outcome", success ? "success" : "failure")).inc();
    }

    private void lockAfterRepeatedFailures(UserAccount account, Instant now, String sourceAddress) {
        em.flush();
        Instant lastSuccess = em.createNamedQuery(SignInAttempt.LAST_SUCCESS, SignInAttempt.class)
                .setParameter("accountId", account.getId())
                .setMaxResults(1)
                .getResultStream().findFirst().map(SignInAttempt::getOccurredAt).orElse(null);
        long failures = em.createNamedQuery(SignInAttempt.FAILURES_SINCE, Long.class)
                .setParameter("accountId", account.getId())
                .setParameter("since", Lockout.countFailuresSince(now, lastSuccess))
                .getSingleResult();
        if (Lockout.locks(failures)) {
            Instant until = Lockout.lockedUntil(now);
            account.lockUntil(until);
            metrics.counter(Metadata.builder().withName("portal.accounts.locked")
                    .withDescription("Accounts locked after repeated failed sign-ins (this node)").build()).inc();
            audit.record(null, "ACCOUNT_LOCKED", UserAccount.AUDIT_TARGET, account.getId(), null, "lockedUntil=" + until,
                    sourceAddress);
            events.publish(DomainEvent.aboutAccount(AccountEventType.ACCOUNT_LOCKED, null, account.getId(), clock.instant()));
        }
    }

    /** The roles of SPEC §1: administrators of a client's account, of a firm's account, operators; everybody is a user. */
    Set<String> rolesOf(UserAccount account) {
        Set<String> roles = new HashSet<>();
        roles.add(Roles.USER);
        if (account.isOperator()) {
            roles.add(Roles.OPERATOR);
        }
        List<AccountKind> administered = em.createQuery("""
                        select distinct c.kind from CustomerAccount c join c.administrators a
                        where a.id = :accountId""", AccountKind.class)
                .setParameter("accountId", account.getId())
                .getResultList();
        if (administered.contains(AccountKind.CLIENT)) {
            roles.add(Roles.CLIENT_ADMIN);
        }
        if (administered.contains(AccountKind.FIRM)) {
            roles.add(Roles.FIRM_ADMIN);
        }
        return roles;
    }
}
