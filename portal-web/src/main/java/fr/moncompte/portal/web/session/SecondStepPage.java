package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondStep;
import fr.moncompte.portal.domain.secondfactor.control.Passkeys;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.security.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
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
    PageMessages messages;

    @EJB
    SecondStep secondStep;

    @Inject
    SignInCompletion completion;

    private String code;
    private String passkeyOptions;
    private String passkeyAnswer;

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
        Optional<PendingSecondStep> pending = stillPending(external);
        if (pending.isEmpty()) {
            return;
        }
        String typed = code;
        code = null;
        Optional<SignedIn> signedIn = secondStep.verify(pending.get().attempt(), typed, ClientAddress.of(request));
        if (signedIn.isEmpty()) {
            messages.error("signin.codeWrong");
            return;
        }
        signedIn(request, signedIn.get(), pending.get());
    }

    /**
     * A challenge for one of the person's passkeys, instead of a code: kept in this session, handed to the browser
     * ({@code passkeys.js} runs the authenticator and sends its answer to {@link #finishPasskey}).
     */
    public void startPasskey() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Optional<PendingSecondStep> pending = stillPending(external);
        if (pending.isEmpty()) {
            return;
        }
        Optional<Passkeys.Challenge> challenge = secondStep.passkeyChallenge(pending.get().attempt());
        if (challenge.isEmpty()) {
            messages.error("signin.noPasskey");
            return;
        }
        PasskeyChallenge.keep((HttpSession) external.getSession(true), PasskeyChallenge.Purpose.SECOND_STEP,
                challenge.get().kept());
        passkeyOptions = challenge.get().forBrowser();
    }

    public void finishPasskey() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<PendingSecondStep> pending = stillPending(external);
        if (pending.isEmpty()) {
            return;
        }
        Optional<String> kept = PasskeyChallenge.take(request.getSession(false),
                PasskeyChallenge.Purpose.SECOND_STEP);
        String answer = passkeyAnswer;
        passkeyAnswer = null;
        if (kept.isEmpty() || answer == null || answer.startsWith("error:")) {
            messages.error(PasskeySignInPage.browserRefusal(answer));
            return;
        }
        Optional<SignedIn> signedIn = secondStep.verifyPasskey(pending.get().attempt(), kept.get(), answer,
                ClientAddress.of(request));
        if (signedIn.isEmpty()) {
            messages.error("signin.passkeyWrong");
            return;
        }
        signedIn(request, signedIn.get(), pending.get());
    }

    /** The step this session waits for; empty, and back to the sign-in page, when there is none or it is over. */
    private static Optional<PendingSecondStep> stillPending(ExternalContext external) throws IOException {
        Optional<PendingSecondStep> pending = pending();
        if (pending.isEmpty() || pending.get().isOverAt(Instant.now())) {
            over(external);
            return Optional.empty();
        }
        return pending;
    }

    private void signedIn(HttpServletRequest request, SignedIn signedIn, PendingSecondStep step) throws IOException {
        request.getSession().removeAttribute(PendingSecondStep.ATTRIBUTE);
        completion.complete(signedIn, step.continueTo());
    }

    private static Optional<PendingSecondStep> pending() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        return session != null && session.getAttribute(PendingSecondStep.ATTRIBUTE) instanceof PendingSecondStep step
                ? Optional.of(step) : Optional.empty();
    }

    public String getPasskeyOptions() {
        return passkeyOptions;
    }

    public String getPasskeyAnswer() {
        return passkeyAnswer;
    }

    public void setPasskeyAnswer(String passkeyAnswer) {
        this.passkeyAnswer = passkeyAnswer;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
