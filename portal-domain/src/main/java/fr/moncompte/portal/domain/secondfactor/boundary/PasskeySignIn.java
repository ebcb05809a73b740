package fr.moncompte.portal.domain.secondfactor.boundary;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.account.control.AttemptLedger;
import fr.moncompte.portal.domain.secondfactor.control.Passkeys;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * "Se connecter avec une clé d'accès" (issue 20): a passkey alone signs in, nothing typed. The browser is sent a
 * challenge naming no one; the authenticator picks the person's passkey, asks for their fingerprint, face or PIN
 * (user verification, required here: it stands for the password) and signs; the passkey's user handle says whose it
 * is. The sign-in is recorded as any other, and refused for an account locked or disabled.
 */
@Stateless
@PermitAll
public class PasskeySignIn {

    private static final Logger LOG = Logger.getLogger(PasskeySignIn.class.getName());

    @Inject
    Passkeys passkeys;

    @Inject
    AttemptLedger ledger;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    /** A challenge for any of the portal's passkeys; the caller keeps {@code kept} on the server for the answer. */
    public Passkeys.Challenge challenge() {
        return passkeys.assertionForAnyone();
    }

    /** Signed in when {@code answer} is a passkey of a person who may sign in, signing {@code kept}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<SignedIn> signIn(String kept, String answer, String sourceAddress, String userAgent) {
        Passkeys.Signed signed;
        try {
            signed = passkeys.signed(kept, answer);
        } catch (Passkeys.Refused refused) {
            LOG.info(() -> "Passkey sign-in from " + sourceAddress + ": " + refused.getMessage());
            return Optional.empty();
        }
        return ledger.settlePasskey(signed.accountId(), account -> signed(em, signed, clock.instant()),
                sourceAddress, userAgent);
    }

    /**
     * Keeps the counter the authenticator reported and the time of use, if the passkey is still the person's (it
     * may have been removed since the challenge was checked) and its counter still went forward under the lock (two
     * uses at once were both checked against the same stored counter: one of them is a copy, or a replay).
     */
    static boolean signed(EntityManager em, Passkeys.Signed signed, Instant now) {
        Optional<SecondFactor> factor = em.createNamedQuery(SecondFactor.BY_CREDENTIAL, SecondFactor.class)
                .setParameter("credentialId", signed.credentialId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().filter(found -> found.getAccountId() == signed.accountId()).findFirst();
        if (factor.isEmpty() || !counterWentForward(factor.get().getSignatureCount(), signed.signatureCount())) {
            return false;
        }
        factor.get().signed(signed.signatureCount(), now);
        return true;
    }

    /** As WebAuthn has it: a greater counter, or none at all (authenticators that keep no counter send 0). */
    static boolean counterWentForward(long stored, long reported) {
        return reported > stored || reported == 0 && stored == 0;
    }
}
