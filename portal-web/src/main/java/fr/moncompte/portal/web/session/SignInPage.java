package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.account.boundary.TooManyAttempts;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.security.ClientAddress;
import fr.moncompte.portal.web.security.PortalIdentityStore;
import fr.moncompte.portal.web.security.SignInMechanism;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in form. Whatever went wrong, it says one neutral sentence (SPEC §4 rule 6). After sign-in it leads to
 * the page first asked for ({@code ?continue=}), if that is a page of the portal, else to "Mon compte".
 */
@Named
@RequestScoped
public class SignInPage {

    static final String HOME = "/account/informations.xhtml";

    @Inject
    SecurityContext securityContext;

    @Inject
    PageMessages messages;

    @EJB
    Sessions sessions;

    private String email;
    private String password;
    private String continueTo;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // Whatever comes of this sign-in, an earlier one waiting for its code in this browser is over.
        if (request.getSession(false) != null) {
            request.getSession().removeAttribute(PendingSecondStep.ATTRIBUTE);
        }
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email == null ? "" : email.trim(), password == null ? "" : password)));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            // A new session id at sign-in defeats session fixation. (The pages then take the account's language.)
            request.changeSessionId();
            request.getSession().setAttribute(SignedInSession.ID,
                    sessions.start(ClientAddress.of(request), request.getHeader("User-Agent")));
            String page = SignInMechanism.isLocalPage(continueTo) ? continueTo : HOME;
            if (PortalIdentityStore.mustEnrol(request)) {
                request.getSession().setAttribute(EnrolmentGate.ATTRIBUTE, new EnrolmentGate(page));
                page = EnrolmentGate.PAGE;
            }
            external.redirect(external.getRequestContextPath() + page);
        } else if (PortalIdentityStore.secondStepOf(request).isPresent()) {
            // The password matched; the account asks for a code too. A new session id here as well.
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(PendingSecondStep.ATTRIBUTE, new PendingSecondStep(
                    PortalIdentityStore.secondStepOf(request).get().pendingAttempt(),
                    SignInMechanism.isLocalPage(continueTo) ? continueTo : null, Instant.now()));
            external.redirect(external.getRequestContextPath() + SecondStepPage.PAGE);
        } else {
            Optional<TooManyAttempts> tooMany = PortalIdentityStore.refusalOf(request);
            tooMany.ifPresent(refused -> ((HttpServletResponse) external.getResponse()).setHeader("Retry-After",
                    Long.toString(refused.retryAfterSeconds())));
            tooMany.ifPresentOrElse(refused -> messages.error(refused.messageKey(), refused.retryAfterSeconds()),
                    () -> messages.error("signin.failed"));
        }
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
