package fr.moncompte.portal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Turns a second step accepted by {@code SecondStep} into the caller: its account id and the roles it held when the
 * code was accepted (read again at every request afterwards, as for any sign-in).
 */
@ApplicationScoped
public class SecondStepIdentityStore implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof SecondStepCredential done && done.signedIn() != null
                && !done.signedIn().needsSecondStep()) {
            return new CredentialValidationResult(done.signedIn().principalName(), done.signedIn().roles());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
}
