package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.secondfactor.boundary.PasskeySignIn;
import fr.moncompte.portal.domain.secondfactor.control.Passkeys;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.security.ClientAddress;
import fr.moncompte.portal.web.security.SignInMechanism;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;

/**
 * "Se connecter avec une clé d'accès" on the sign-in page (issue 20): a challenge naming nobody, kept in this
 * browser's session; {@code passkeys.js} has the authenticator sign it (the person picks their passkey and unlocks it)
 * and sends the answer back, which {@link PasskeySignIn} checks. Nothing to type.
 */
@Named
@RequestScoped
public class PasskeySignInPage {

    @EJB
    PasskeySignIn passkeySignIn;

    @Inject
    PageMessages messages;

    @Inject
    SignInCompletion completion;

    private String options;
    private String answer;

    public void start() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Passkeys.Challenge challenge = passkeySignIn.challenge();
        HttpSession session = (HttpSession) external.getSession(true);
        session.removeAttribute(PendingSecondStep.ATTRIBUTE);
        PasskeyChallenge.keep(session, PasskeyChallenge.Purpose.SIGN_IN, challenge.kept());
        options = challenge.forBrowser();
    }

    public void finish() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<String> kept = PasskeyChallenge.take(request.getSession(false), PasskeyChallenge.Purpose.SIGN_IN);
        String given = answer;
        answer = null;
        if (kept.isEmpty() || given == null || given.startsWith("error:")) {
            messages.error(browserRefusal(given));
            return;
        }
        Optional<SignedIn> signedIn = passkeySignIn.signIn(kept.get(), given, ClientAddress.of(request),
                request.getHeader("User-Agent"));
        if (signedIn.isEmpty()) {
            messages.error("signin.passkeyWrong");
            return;
        }
        // The page first asked for, carried by the sign-in page's own "continue" field.
        completion.complete(signedIn.get(), external.getRequestParameterMap().get(SignInMechanism.CONTINUE));
    }

    /**
     * What to say when the browser gave no passkey: cancelled or timed out, unsupported, refused on an insecure
     * address, or nothing sent.
     */
    public static String browserRefusal(String answer) {
        if (answer != null && answer.startsWith("error:NotSupportedError")) {
            return "signin.passkeyUnsupported";
        }
        if (answer != null && answer.startsWith("error:SecurityError")) {
            return "signin.passkeyInsecure"; // an IP address, or plain http elsewhere than localhost
        }
        if (answer != null && answer.startsWith("error:")) {
            return "signin.passkeyCancelled";
        }
        return "signin.passkeyWrong";
    }

    public String getOptions() {
        return options;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }
}
