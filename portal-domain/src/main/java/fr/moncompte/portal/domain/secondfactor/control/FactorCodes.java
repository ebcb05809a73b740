package fr.moncompte.portal.domain.secondfactor.control;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.secondfactor.entity.RecoveryCode;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Whether what someone typed at the second step is a code of the account's, spending it if so: a code of one of
 * its authenticator apps (each app's last step moves on, so the code cannot serve twice), or else one of its unused
 * recovery codes (used once, audited, and the person told: someone may be using their codes). Runs inside the
 * caller's transaction, under the lock the sign-in holds on the account's row.
 */
@Dependent
public class FactorCodes {

    private static final Logger LOG = Logger.getLogger(FactorCodes.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    FactorSecrets secrets;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    private final TotpCodes codes = new TotpCodes();

    public boolean spend(UserAccount account, String typed, String sourceAddress) {
        return spend(account, typed, sourceAddress, null);
    }

    /** True when {@code typed} is six digits (spaces aside): an app's code, never a password. */
    public static boolean isSixDigits(String typed) {
        return typed != null && typed.strip().replace(" ", "").matches("\\d{" + TotpCodes.DIGITS + "}");
    }

    /** True when {@code typed} has the shape of a recovery code (a password might have it too). */
    public static boolean hasRecoveryCodeShape(String typed) {
        return typed != null && RecoveryCodes.hashOfTyped(typed.strip()).isPresent();
    }

    /** As {@link #spend(UserAccount, String, String)}, with no code of the factor {@code except} taken. */
    public boolean spend(UserAccount account, String typed, String sourceAddress, String except) {
        Instant now = clock.instant();
        List<SecondFactor> factors = em.createNamedQuery(SecondFactor.CONFIRMED_OF_ACCOUNT, SecondFactor.class)
                .setParameter("accountId", account.getId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (SecondFactor factor : factors) {
            if (factor.getKind() == SecondFactor.Kind.TOTP && !factor.getId().equals(except)) {
                byte[] secret;
                try {
                    secret = secrets.open(factor.getSecretSealed());
                } catch (IllegalArgumentException otherKey) {
                    // Sealed with another key than the configured one: the app cannot work, its recovery codes can.
                    LOG.warning(() -> "The secret of second factor " + factor.getId() + " does not open with "
                            + SecretSealing.KEY + ": was the key changed?");
                    continue;
                }
                OptionalLong step = codes.accepted(secret, typed, now, factor.getLastUsedStep());
                if (step.isPresent()) {
                    factor.used(step.getAsLong(), now);
                    return true;
                }
            }
        }
        Optional<String> hash = RecoveryCodes.hashOfTyped(typed);
        if (hash.isEmpty()) {
            return false;
        }
        byte[] wanted = hash.get().getBytes(StandardCharsets.US_ASCII);
        Optional<RecoveryCode> found = em.createNamedQuery(RecoveryCode.UNUSED_OF_ACCOUNT, RecoveryCode.class)
                .setParameter("accountId", account.getId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .filter(code -> MessageDigest.isEqual(code.getCodeHash().getBytes(StandardCharsets.US_ASCII), wanted))
                .findFirst();
        if (found.isEmpty()) {
            return false;
        }
        found.get().use(now);
        long left = em.createNamedQuery(RecoveryCode.UNUSED_OF_ACCOUNT, RecoveryCode.class)
                .setParameter("accountId", account.getId()).getResultStream().filter(code -> code != found.get())
                .count();
        audit.record(account.getId(), "RECOVERY_CODE_USED", UserAccount.AUDIT_TARGET, account.getId(), null,
                "left=" + left, sourceAddress);
        events.publish(DomainEvent.aboutAccount(AccountEventType.RECOVERY_CODE_USED, account.getId(),
                account.getId(), now));
        return true;
    }
}
