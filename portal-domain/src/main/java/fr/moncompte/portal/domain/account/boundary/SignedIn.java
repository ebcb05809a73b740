package fr.moncompte.portal.domain.account.boundary;

import java.io.Serializable;
import java.util.Set;

/**
 * A password that matched: the account id (the caller principal's name from then on) and the roles it holds. For an
 * account with a second factor, {@code pendingAttempt} names the sign-in attempt that waits for it: nobody is signed
 * in until {@code SecondStep} accepts a code for that attempt. {@code mustEnrol}: the person must sign in with a
 * second factor and has none yet ({@code SecondFactorPolicy}); they reach the enrolment and nothing else.
 */
public record SignedIn(long accountId, Set<String> roles, Long pendingAttempt, boolean mustEnrol)
        implements Serializable {

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    /** Signed in: no second step, or the second step done. */
    public SignedIn(long accountId, Set<String> roles) {
        this(accountId, roles, null, false);
    }

    /** The password matched; the second step waits for {@code pendingAttempt}. */
    public static SignedIn pending(long accountId, Set<String> roles, long pendingAttempt) {
        return new SignedIn(accountId, roles, pendingAttempt, false);
    }

    /** Signed in with the password alone, to add a second factor and do nothing else. */
    public static SignedIn toEnrol(long accountId, Set<String> roles) {
        return new SignedIn(accountId, roles, null, true);
    }

    public boolean needsSecondStep() {
        return pendingAttempt != null;
    }

    public String principalName() {
        return Long.toString(accountId);
    }
}
