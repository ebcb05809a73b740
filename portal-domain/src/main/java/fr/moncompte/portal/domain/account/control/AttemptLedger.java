package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.account.entity.SignInAttempt;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.secondfactor.control.SecondFactorPolicy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The attempts on one account, counted before any password is hashed (SPEC §4 rule 6 against parallel attempts).
 * An attempt is written down as a failure, under a lock on the account's row, before its password is looked at; it
 * becomes a success only once the password matched. Since the count is made under that lock and takes the attempts
 * still being checked as failures, thirty wrong passwords sent at once are never more than five checked: the rest
 * are refused unlooked-at, and the account locks as soon as the fifth failure is settled, once, with one mail.
 * Each step is a short transaction of its own: the hash in between holds neither a lock nor a connection.
 */
@Dependent
public class AttemptLedger {

    /** How long the second step of a sign-in may wait for its code. */
    public static final int SECOND_STEP_MINUTES = 10;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    CallerRoles roles;

    @Inject
    SecondFactorPolicy policy;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    @Inject
    MetricRegistry metrics;

    /**
     * An attempt let in: its record, the hash to check it against (none for an unknown e-mail, or one without a
     * password yet), and whether it may be checked at all ({@code false} once five failures stand in the window).
     */
    public record Admission(long attemptId, String passwordHash, boolean evaluate) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Admission admit(String emailKey, String sourceAddress, String userAgent) {
        Instant now = clock.instant();
        Optional<UserAccount> found = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", emailKey)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        long failures = found.isPresent()
                ? failuresInWindow(found.get(), now)
                // Nothing to lock for an unknown e-mail, but it is refused after as many failures as a known one,
                // so that how fast it is refused tells nobody whether the address has an account.
                : em.createNamedQuery(SignInAttempt.FAILURES_OF_KEY_SINCE, Long.class)
                        .setParameter("emailKey", emailKey)
                        .setParameter("since", now.minus(Lockout.WINDOW))
                        .getSingleResult();
        SignInAttempt attempt = new SignInAttempt(found.map(UserAccount::getId).orElse(null), emailKey, now, false,
                sourceAddress, userAgent);
        em.persist(attempt);
        em.flush();
        return new Admission(attempt.getId(), found.map(UserAccount::getPasswordHash).orElse(null),
                !Lockout.locks(failures));
    }

    /**
     * The outcome of a checked attempt: a success when the password matched an account that may sign in; else the
     * failure stands, and may lock the account.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SignedIn> settle(long attemptId, boolean passwordMatches, String sourceAddress) {
        SignInAttempt attempt = em.find(SignInAttempt.class, attemptId);
        if (attempt == null || attempt.getAccountId() == null) {
            return Optional.empty();
        }
        UserAccount account = em.find(UserAccount.class, attempt.getAccountId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (passwordMatches && account.canSignIn(now)) {
            if (policy.hasFactor(account.getId())) {
                // Still a failure until a code is accepted for it (settleSecondStep): knowing the password alone
                // never resets the count, so codes cannot be tried without end.
                return Optional.of(SignedIn.pending(account.getId(), roles.of(account), attemptId));
            }
            attempt.succeeded();
            return Optional.of(policy.requires(account) ? SignedIn.toEnrol(account.getId(), roles.of(account))
                    : new SignedIn(account.getId(), roles.of(account)));
        }
        lockAfterRepeatedFailures(account, now, sourceAddress);
        return Optional.empty();
    }

    /**
     * The second step of an attempt whose password matched: {@code codeMatches} is asked, under the lock on the
     * account's row, whether what was typed is a code of the account's (and spends it); the attempt then becomes a
     * success, or another failure stands, which may lock the account. Nothing is asked of an attempt already settled,
     * older than {@value #SECOND_STEP_MINUTES} minutes, of an account that may no longer sign in, or past the
     * lockout's count.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SignedIn> settleSecondStep(long attemptId, Predicate<UserAccount> codeMatches,
                                               String sourceAddress) {
        SignInAttempt attempt = em.find(SignInAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (attempt == null || attempt.getAccountId() == null || attempt.isSucceeded()
                || attempt.getOccurredAt().isBefore(now.minus(Duration.ofMinutes(SECOND_STEP_MINUTES)))) {
            return Optional.empty();
        }
        UserAccount account = em.find(UserAccount.class, attempt.getAccountId(), LockModeType.PESSIMISTIC_WRITE);
        if (!account.canSignIn(now) || account.getPasswordChangedAt() != null
                && account.getPasswordChangedAt().isAfter(attempt.getOccurredAt())) {
            // Locked or disabled since, or the password it matched is no longer the account's.
            return Optional.empty();
        }
        // This attempt itself is not one of the failures to count: a right password after four typos still gets
        // its code checked (and a wrong code then locks).
        if (Lockout.locks(failuresInWindow(account, now) - 1)) {
            lockAfterRepeatedFailures(account, now, sourceAddress);
            return Optional.empty();
        }
        if (codeMatches.test(account)) {
            // The success is dated when the code was accepted: wrong codes typed before it no longer count.
            attempt.succeededAt(now);
            return Optional.of(new SignedIn(account.getId(), roles.of(account)));
        }
        em.persist(new SignInAttempt(account.getId(), account.getEmailKey(), now, false, sourceAddress, null));
        lockAfterRepeatedFailures(account, now, sourceAddress);
        return Optional.empty();
    }

    /**
     * A code of another factor given instead of the current password (to remove a factor): {@code codeMatches} is
     * asked under the lock on the account's row, and a wrong code counts toward the lockout as a wrong password
     * would ({@code countFailure}; not when the caller checks the same text as the password next, which counts it),
     * so that a stolen session cannot try codes without end. False while the account is locked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean spendProof(long accountId, Predicate<UserAccount> codeMatches, boolean countFailure,
                              String sourceAddress) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (account == null || account.isLockedAt(now)) {
            return false;
        }
        if (codeMatches.test(account)) {
            return true;
        }
        if (countFailure) {
            em.persist(new SignInAttempt(account.getId(), account.getEmailKey(), now, false, sourceAddress, null));
            lockAfterRepeatedFailures(account, now, sourceAddress);
        }
        return false;
    }

    /**
     * A passkey used alone signed its challenge for {@code accountId} (its user verification stands for the
     * password): a success when the account may sign in and is not locked, recorded as any other sign-in.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SignedIn> settlePasskey(long accountId, Predicate<UserAccount> stillValid, String sourceAddress,
                                            String userAgent) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (account == null || !account.canSignIn(now) || Lockout.locks(failuresInWindow(account, now))
                || !stillValid.test(account)) {
            return Optional.empty();
        }
        em.persist(new SignInAttempt(account.getId(), account.getEmailKey(), now, true, sourceAddress, userAgent));
        return Optional.of(new SignedIn(account.getId(), roles.of(account)));
    }

    /**
     * A wrong current password typed in "Mon compte" counts as a failed sign-in (someone holding a stolen session
     * cannot try passwords there without locking the account); in its own transaction, so that it is kept although
     * the change it came with is refused.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordWrongCurrentPassword(long accountId, String sourceAddress) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        em.persist(new SignInAttempt(account.getId(), account.getEmailKey(), now, false, sourceAddress, null));
        lockAfterRepeatedFailures(account, now, sourceAddress);
    }

    /** Under the lock on the account's row: only the failure that reaches the limit locks, and tells the owner. */
    private void lockAfterRepeatedFailures(UserAccount account, Instant now, String sourceAddress) {
        if (account.isLockedAt(now)) {
            return;
        }
        em.flush();
        if (Lockout.locks(failuresInWindow(account, now))) {
            Instant until = Lockout.lockedUntil(now);
            account.lockUntil(until);
            metrics.counter(Metadata.builder().withName("portal.accounts.locked")
                    .withDescription("Accounts locked after repeated failed sign-ins (this node)").build()).inc();
            audit.record(null, "ACCOUNT_LOCKED", UserAccount.AUDIT_TARGET, account.getId(), null,
                    "lockedUntil=" + until, sourceAddress);
            events.publish(DomainEvent.aboutAccount(AccountEventType.ACCOUNT_LOCKED, null, account.getId(), now));
        }
    }

    private long failuresInWindow(UserAccount account, Instant now) {
        Instant lastSuccess = em.createNamedQuery(SignInAttempt.LAST_SUCCESS, SignInAttempt.class)
                .setParameter("accountId", account.getId())
                .setMaxResults(1)
                .getResultStream().findFirst().map(SignInAttempt::getOccurredAt).orElse(null);
        return em.createNamedQuery(SignInAttempt.FAILURES_SINCE, Long.class)
                .setParameter("accountId", account.getId())
                .setParameter("since", Lockout.countFailuresSince(now, lastSuccess))
                .getSingleResult();
    }
}
