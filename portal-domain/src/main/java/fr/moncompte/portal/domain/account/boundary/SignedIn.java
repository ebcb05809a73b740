package fr.moncompte.portal.domain.account.boundary;

import java.io.Serializable;
import java.util.Set;

/**
 * A password that matched: the account id (the caller principal's name from then on) and the roles it holds. For an
 * account with a second factor, {@code pendingAttempt} names the sign-in attempt that waits for it: nobody is signed
 * in until {@code SecondStep} accepts a code for that attempt.
 */
public record SignedIn(long accountId, Set<String> roles, Long pendingAttempt) implements Serializable {

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    /** Signed in: no second step, or the second step done. */
    public SignedIn(long accountId, Set<String> roles) {
        this(accountId, roles, null);
    }

    public boolean needsSecondStep() {
        return pendingAttempt != null;
    }

    public String principalName() {
        return Long.toString(accountId);
    }
}
