package fr.moncompte.portal.web.link;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.boundary.AccountLinks;
import fr.moncompte.portal.domain.account.control.EmailAddress;
import fr.moncompte.portal.web.i18n.PageMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;

/**
 * "Mot de passe oublié ?": whatever the address, the same answer after the same time, so the page tells nobody
 * whether an account exists (the mail, when there is one, goes to its owner only).
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    /** Longer than the request takes when it sends a link, so both answers leave at the same moment. */
    static final Duration ANSWER_AFTER = Duration.ofMillis(600);

    @EJB
    AccountLinks links;

    @Inject
    PageMessages messages;

    private String email;
    private boolean answered;

    public void send() throws InterruptedException {
        try {
            email = EmailAddress.normalise(email);
        } catch (PortalException refused) {
            messages.fieldError("forgot:email", refused);
            return;
        }
        long started = System.nanoTime();
        links.requestPasswordReset(email, ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).getRemoteAddr());
        long left = ANSWER_AFTER.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
        messages.info("forgot.sent");
        answered = true;
        email = null;
    }

    public boolean isAnswered() {
        return answered;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
