package fr.moncompte.portal.web.link;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.UniqueKeys;
import fr.moncompte.portal.domain.account.boundary.AccountLinks;
import fr.moncompte.portal.domain.account.boundary.LinkView;
import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.LinkPurpose;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;

import java.io.IOException;
import java.io.Serializable;

/**
 * The page a one-time link opens: shows what the link is for, or that it was used, expired or is unknown, and then
 * does its one thing by a form (never on the GET itself: opening a link changes nothing).
 */
@Named
@ViewScoped
public class LinkPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountLinks links;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    TimeDisplay timeDisplay;

    private String token;
    private LinkView view;
    private boolean opened;
    private boolean done;
    private boolean newLinkAsked;
    private String password;
    private String confirmation;

    /** Reads the link once, when the page opens. */
    public void open() {
        if (!opened) {
            view = links.open(token).orElse(null);
            opened = true;
        }
    }

    /** Invitation or reset: the new password, then the sign-in page, which says what happened. */
    public void choosePassword() throws IOException {
        try {
            if (password == null || !password.equals(confirmation)) {
                messages.fieldError("choose:confirm", "password.mismatch");
                return;
            }
            links.setPassword(token, password, FacesRequests.sourceAddress());
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            String outcome = view.purpose() == LinkPurpose.INVITATION ? "welcome" : "reset";
            external.redirect(external.getRequestContextPath() + "/login.xhtml?" + outcome + "=true&lang="
                    + localeSelection.getLanguage());
        } catch (PortalException refused) {
            refuse(refused);
        } catch (EJBException failed) {
            refuseIfUsedMeanwhile(failed);
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public void confirmEmail() {
        try {
            links.confirmEmailChange(token, FacesRequests.sourceAddress());
            done = true;
        } catch (PortalException refused) {
            refuse(refused);
        } catch (EJBException failed) {
            refuseIfUsedMeanwhile(failed);
        }
    }

    /** From a used or expired link: asks for a fresh one; the answer is the same whether one was sent or not. */
    public void sendNewLink() {
        links.sendNewLink(token, FacesRequests.sourceAddress());
        newLinkAsked = true;
    }

    /** A rule of the password policy stays on the form; a link spent meanwhile turns the page into its state. */
    private void refuse(PortalException refusal) {
        switch (refusal.messageKey()) {
            case "link.used", "link.expired", "link.unknown" -> {
                opened = false;
                open();
            }
            case "email.unavailable" -> messages.error(refusal.messageKey());
            default -> messages.fieldError("choose:password", refusal);
        }
    }

    /**
     * Two tabs using the same link at once: the second one's transaction loses on the link's version. Another account
     * taking the new address at the same moment: the second one loses on the unique login.
     */
    private void refuseIfUsedMeanwhile(EJBException failed) {
        if (UniqueKeys.violatedBy(failed)) {
            messages.error("email.unavailable");
            return;
        }
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            // JPA's exception, or EclipseLink's own when it is raised at commit.
            if (cause instanceof OptimisticLockException
                    || cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                opened = false;
                open();
                return;
            }
        }
        throw failed;
    }

    public boolean isUnknown() {
        return view == null;
    }

    public boolean isUsable() {
        return view != null && view.usable();
    }

    public boolean isUsed() {
        return view != null && view.state() == AccountLink.State.USED;
    }

    public boolean isExpired() {
        return view != null && view.state() == AccountLink.State.EXPIRED;
    }

    /** Whether the page may offer a fresh link: for an invitation or a reset, not for an e-mail change. */
    public boolean isRenewable() {
        return view != null && view.purpose() != LinkPurpose.EMAIL_CHANGE;
    }

    public String getEmail() {
        return view == null ? null : view.email();
    }

    public String getExpiresAt() {
        return view == null ? "" : timeDisplay.format(view.expiresAt(), localeSelection.getLocale());
    }

    public boolean isDone() {
        return done;
    }

    public boolean isNewLinkAsked() {
        return newLinkAsked;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        if (this.token == null) {
            this.token = token;
        }
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
