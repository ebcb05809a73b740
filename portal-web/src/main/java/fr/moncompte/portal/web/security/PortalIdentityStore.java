package fr.moncompte.portal.web.security;

import fr.moncompte.portal.domain.account.boundary.SignIn;
import fr.moncompte.portal.domain.account.boundary.SignedIn;
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
    private static final String SECOND_STEP = SignedIn.class.getName();
    private static final String MUST_ENROL = SignedIn.class.getName() + ".mustEnrol";

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
            Optional<SignedIn> checked = signIn.verify(login.getCaller(), login.getPasswordAsString(),
                    ClientAddress.of(request), request.getHeader("User-Agent"));
            if (checked.isPresent() && checked.get().needsSecondStep()) {
                // The password matched, and the account asks for a code too: nobody is signed in yet.
                request.setAttribute(SECOND_STEP, checked.get());
                return CredentialValidationResult.INVALID_RESULT;
            }
            if (checked.isPresent() && checked.get().mustEnrol()) {
                // Signed in, but a second factor is owed first: the page takes them to add one, the API refuses.
                request.setAttribute(MUST_ENROL, Boolean.TRUE);
            }
            return checked.map(signedIn -> new CredentialValidationResult(signedIn.principalName(), signedIn.roles()))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (TooManyAttempts refused) {
            // Not "wrong password": the form and the token endpoint say to come back later (see refusalOf).
            request.setAttribute(REFUSED, refused);
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** The password of this request matched an account that asks for a second step, if it did. */
    public static Optional<SignedIn> secondStepOf(HttpServletRequest request) {
        return request.getAttribute(SECOND_STEP) instanceof SignedIn pending ? Optional.of(pending)
                : Optional.empty();
    }

    /** The password of this request signed in a person who must add a second factor before anything else. */
    public static boolean mustEnrol(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(MUST_ENROL));
    }

    /** Why the last credential of this request was refused before it was checked, if it was. */
    public static Optional<TooManyAttempts> refusalOf(HttpServletRequest request) {
        return request.getAttribute(REFUSED) instanceof TooManyAttempts refused ? Optional.of(refused)
                : Optional.empty();
    }
}
