package fr.moncompte.portal.domain.secondfactor.boundary;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.account.control.AttemptLedger;
import fr.moncompte.portal.domain.account.entity.SignInAttempt;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.secondfactor.control.FactorCodes;
import fr.moncompte.portal.domain.secondfactor.control.Passkeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The second step of a sign-in (issue 20), for the sign-in page and the token endpoint alike: after the password, a
 * code of an authenticator app, a recovery code, or one of the person's passkeys. The attempt it completes is the one
 * the password check left waiting ({@link SignedIn#pendingAttempt()}), which the caller kept on the server: in the
 * HTTP session, or within the same request. A wrong code or a refused passkey is a failed sign-in, and counts toward
 * the lockout.
 */
@Stateless
@PermitAll
public class SecondStep {

    private static final Logger LOG = Logger.getLogger(SecondStep.class.getName());

    @Inject
    AttemptLedger ledger;

    @Inject
    FactorCodes codes;

    @Inject
    Passkeys passkeys;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    /** Signed in when {@code typed} is a code of the account's, not used before; empty otherwise. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<SignedIn> verify(long pendingAttempt, String typed, String sourceAddress) {
        return ledger.settleSecondStep(pendingAttempt, account -> codes.spend(account, typed, sourceAddress),
                sourceAddress);
    }

    /**
     * A challenge for one of the passkeys of the person whose password matched in {@code pendingAttempt}; empty when
     * that attempt waits for nothing or the person has no passkey.
     */
    public Optional<Passkeys.Challenge> passkeyChallenge(long pendingAttempt) {
        SignInAttempt attempt = em.find(SignInAttempt.class, pendingAttempt);
        if (attempt == null || attempt.getAccountId() == null || attempt.isSucceeded()) {
            return Optional.empty();
        }
        return passkeys.assertionFor(em.find(UserAccount.class, attempt.getAccountId()));
    }

    /**
     * Signed in when {@code answer} is one of the person's passkeys signing the challenge {@code kept}; empty
     * otherwise (a failure, counted).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<SignedIn> verifyPasskey(long pendingAttempt, String kept, String answer, String sourceAddress) {
        return ledger.settleSecondStep(pendingAttempt, account -> {
            try {
                Passkeys.Signed signed = passkeys.signed(kept, answer);
                return signed.accountId() == account.getId() && PasskeySignIn.signed(em, signed, clock.instant());
            } catch (Passkeys.Refused refused) {
                LOG.info(() -> "Second step of account " + account.getId() + ": " + refused.getMessage());
                return false;
            }
        }, sourceAddress);
    }
}
