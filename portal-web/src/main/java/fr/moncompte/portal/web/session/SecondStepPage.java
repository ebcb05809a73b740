package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondStep;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.security.ClientAddress;
import fr.moncompte.portal.web.security.SecondStepCredential;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The second step of the sign-in page (issue 20): the code of an authenticator app, or a recovery code. Reached only
 * with a password that matched in this browser's session ({@link PendingSecondStep}); anything else goes back to the
 * sign-in page. A wrong code says one neutral sentence and counts toward the lockout; once the account is locked,
 * or after ten minutes, the step is over and the sign-in starts again.
 */
@Named
@RequestScoped
public class SecondStepPage {

    public static final String PAGE = "/login-code.xhtml";

    @Inject
    SecurityContext securityContext;

    @Inject
    PageMessages messages;

    @EJB
    SecondStep secondStep;

    @EJB
    Sessions sessions;

    private String code;

    /**
     * On opening the page: back to the sign-in page without a password checked first, or with one checked more than
     * ten minutes ago (the sign-in starts again).
     */
    public void requirePending() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Optional<PendingSecondStep> pending = pending();
        if (pending.isEmpty()) {
            external.redirect(external.getRequestContextPath() + "/login.xhtml");
        } else if (pending.get().isOverAt(Instant.now())) {
            over(external);
        }
    }

    private static void over(ExternalContext external) throws IOException {
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingSecondStep.ATTRIBUTE);
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml?expired=true");
    }

    public void verify() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<PendingSecondStep> pending = pending();
        if (pending.isEmpty() || pending.get().isOverAt(Instant.now())) {
            over(external);
            return;
        }
        String typed = code;
        code = null;
        Optional<SignedIn> signedIn = secondStep.verify(pending.get().attempt(), typed, ClientAddress.of(request));
        if (signedIn.isEmpty()) {
            messages.error("signin.codeWrong");
            return;
        }
        request.getSession().removeAttribute(PendingSecondStep.ATTRIBUTE);
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new SecondStepCredential(signedIn.get())));
        if (status != AuthenticationStatus.SUCCESS) {
            messages.error("signin.failed");
            return;
        }
        request.changeSessionId();
        request.getSession().setAttribute(SignedInSession.ID,
                sessions.start(ClientAddress.of(request), request.getHeader("User-Agent")));
        String page = pending.get().continueTo() != null ? pending.get().continueTo() : SignInPage.HOME;
        external.redirect(external.getRequestContextPath() + page);
    }

    private static Optional<PendingSecondStep> pending() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        return session != null && session.getAttribute(PendingSecondStep.ATTRIBUTE) instanceof PendingSecondStep step
                ? Optional.of(step) : Optional.empty();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
