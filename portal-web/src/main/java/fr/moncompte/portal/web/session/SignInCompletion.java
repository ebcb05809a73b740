package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.security.ClientAddress;
import fr.moncompte.portal.web.security.SecondStepCredential;
import fr.moncompte.portal.web.security.SignInMechanism;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The end of a sign-in whose second step was accepted, or of a passkey used alone: the person is signed in, in a new
 * session id (no session fixation), their session recorded, and they go on to the page first asked for.
 */
@RequestScoped
public class SignInCompletion {

    @Inject
    SecurityContext securityContext;

    @Inject
    PageMessages messages;

    @EJB
    Sessions sessions;

    void complete(SignedIn signedIn, String continueTo) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new SecondStepCredential(signedIn)));
        if (status != AuthenticationStatus.SUCCESS) {
            messages.error("signin.failed");
            return;
        }
        request.changeSessionId();
        request.getSession().setAttribute(SignedInSession.ID,
                sessions.start(ClientAddress.of(request), request.getHeader("User-Agent")));
        String page = continueTo != null && SignInMechanism.isLocalPage(continueTo) ? continueTo : SignInPage.HOME;
        external.redirect(external.getRequestContextPath() + page);
    }
}
