package fr.moncompte.portal.domain.account.boundary;

import java.util.Set;

/** A successful sign-in: the account id (the caller principal's name from then on) and the roles it holds. */
public record SignedIn(long accountId, Set<String> roles) {

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    public String principalName() {
        return Long.toString(accountId);
    }
}
