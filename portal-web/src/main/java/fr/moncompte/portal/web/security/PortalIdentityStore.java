package fr.moncompte.portal.web.security;

import fr.moncompte.portal.domain.account.boundary.SignIn;
import fr.moncompte.portal.domain.account.boundary.TooManyAttempts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Validates e-mail and password against the domain's accounts. The caller principal's name is the account id, which
 * does not change when the person changes their e-mail.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    private static final String REFUSED = TooManyAttempts.class.getName();

    @EJB
    SignIn signIn;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            return signIn.verify(login.getCaller(), login.getPasswordAsString(), ClientAddress.of(request),
                            request.getHeader("User-Agent"))
                    .map(signedIn -> new CredentialValidationResult(signedIn.principalName(), signedIn.roles()))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (TooManyAttempts refused) {
            // Not "wrong password": the form and the token endpoint say to come back later (see refusalOf).
            request.setAttribute(REFUSED, refused);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** Why the last credential of this request was refused before it was checked, if it was. */
    public static Optional<TooManyAttempts> refusalOf(HttpServletRequest request) {
        return request.getAttribute(REFUSED) instanceof TooManyAttempts refused ? Optional.of(refused)
                : Optional.empty();
    }
}
