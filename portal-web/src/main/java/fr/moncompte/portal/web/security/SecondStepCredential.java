package fr.moncompte.portal.web.security;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import jakarta.security.enterprise.credential.Credential;

/**
 * A sign-in whose second step {@code SecondStep} has just accepted, in this request: made on the server by the code
 * page or the token endpoint, never read from a client, and validated by {@link SecondStepIdentityStore}.
 */
public record SecondStepCredential(SignedIn signedIn) implements Credential {
}
