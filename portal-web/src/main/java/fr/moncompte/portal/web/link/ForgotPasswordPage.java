package fr.moncompte.portal.web.link;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.boundary.AccountLinks;
import fr.moncompte.portal.domain.account.control.EmailAddress;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;


/**
 * "Mot de passe oublié ?": whatever the address, the same answer, given before the portal even looks the address
 * up, so the page tells nobody whether an account exists (the mail, when there is one, goes to its owner only).
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @EJB
    AccountLinks links;

    @Inject
    PageMessages messages;

    private String email;
    private boolean answered;

    public void send() {
        try {
            email = EmailAddress.normalise(email);
        } catch (PortalException refused) {
            messages.fieldError("forgot:email", refused);
            return;
        }
        // Asynchronous: the lookup and the link happen after this answer, which is the same for every address.
        links.requestPasswordReset(email, FacesRequests.sourceAddress());
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
