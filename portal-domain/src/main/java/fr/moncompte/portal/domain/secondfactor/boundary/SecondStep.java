package fr.moncompte.portal.domain.secondfactor.boundary;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.account.control.AttemptLedger;
import fr.moncompte.portal.domain.secondfactor.control.FactorCodes;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The second step of a sign-in (issue 20), for the sign-in page and the token endpoint alike: after the password, a
 * code of an authenticator app or a recovery code. The attempt it completes is the one the password check left
 * waiting ({@link SignedIn#pendingAttempt()}), which the caller kept on the server: in the HTTP session, or within
 * the same request. A wrong code is a failed sign-in, and counts toward the lockout.
 */
@Stateless
@PermitAll
public class SecondStep {

    @Inject
    AttemptLedger ledger;

    @Inject
    FactorCodes codes;

    /** Signed in when {@code typed} is a code of the account's, not used before; empty otherwise. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<SignedIn> verify(long pendingAttempt, String typed, String sourceAddress) {
        return ledger.settleSecondStep(pendingAttempt, account -> codes.spend(account, typed, sourceAddress),
                sourceAddress);
    }
}
