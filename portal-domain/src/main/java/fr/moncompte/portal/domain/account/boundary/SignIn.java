package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.AttemptLedger;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.control.SignInGate;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.event.AccountEventType;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Optional;

/**
 * Checks e-mail and password, and keeps every attempt. Every failure looks the same from outside, and takes the time
 * of a real hash check, so that nobody learns whether an e-mail is known; five failures within fifteen minutes lock
 * the account for fifteen minutes and tell its owner ({@link AccountEventType#ACCOUNT_LOCKED}) — SPEC §4 rule 6.
 * <p>
 * The hash is what an attacker would spend the server on (about 0.2 core-seconds each), so it is the last step: the
 * source address's allowance and a free hash are asked for first ({@link SignInGate}, {@link TooManyAttempts}), then
 * the attempt is counted against the account ({@link AttemptLedger}), and only an attempt still within the limit is
 * hashed. No transaction is held across the hash.
 */
@Stateless
@PermitAll
public class SignIn {

    /** Passwords actually hashed: an attempt refused by the gate or past the lockout's count is not. */
    public static final Metadata CHECKED = Metadata.builder().withName("portal.signins.checked")
            .withDescription("Sign-in attempts whose password was checked on this node").build();

    @Inject
    PasswordHashing hashing;

    @Inject
    SignInGate gate;

    @Inject
    AttemptLedger ledger;

    @Resource
    SessionContext context;

    @Inject
    MetricRegistry metrics;

    /**
     * @param sourceAddress where the attempt came from, kept with it
     * @param userAgent     the browser, kept with it (the "Sécurité" history shows both)
     * @throws TooManyAttempts before anything is counted against the account
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<SignedIn> verify(String email, String password, String sourceAddress, String userAgent) {
        gate.admit(sourceAddress);
        String emailKey = UserAccount.emailKey(email);
        Optional<SignedIn> signedIn = gate.withHash(() -> {
            AttemptLedger.Admission admission = ledger.admit(emailKey, sourceAddress, userAgent);
            if (!admission.evaluate()) {
                return Optional.empty();
            }
            metrics.counter(CHECKED).inc();
            // Checked even for a locked account, and against a decoy for an unknown e-mail: the same time either way.
            boolean matches = admission.passwordHash() == null
                    ? decoy()
                    : hashing.matches(password, admission.passwordHash());
            return ledger.settle(admission.attemptId(), matches, sourceAddress);
        });
        // A password waiting for its code is not a sign-in yet: SecondStep counts nothing either, the page does.
        counted(signedIn.isPresent() && !signedIn.get().needsSecondStep());
        return signedIn;
    }

    private boolean decoy() {
        hashing.spendDecoyCheck();
        return false;
    }

    /**
     * A wrong current password typed in "Mon compte" (to change the password or the e-mail) counts as a failed
     * sign-in: someone holding a stolen session cannot try passwords there without locking the account. Kept in a
     * transaction of its own ({@link AttemptLedger}), although the change it came with is refused.
     */
    @RolesAllowed(Roles.USER)
    public void recordWrongCurrentPassword(String sourceAddress) {
        ledger.recordWrongCurrentPassword(Long.parseLong(context.getCallerPrincipal().getName()), sourceAddress);
    }

    /** Sign-ins through the pages and the API, by outcome, for the dashboards (a surge of failures is an attack). */
    private void counted(boolean success) {
        metrics.counter(Metadata.builder().withName("portal.signins")
                .withDescription("Sign-in attempts on this node, by outcome").build(),
                new Tag("outcome", success ? "success" : "failure")).inc();
    }
}
