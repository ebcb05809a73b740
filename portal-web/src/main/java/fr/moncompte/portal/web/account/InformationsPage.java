package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.CompanyInvitations;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import fr.moncompte.portal.web.session.SignedInSession;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** "Mon compte › Informations": the account's data and the password form. */
@Named
@ViewScoped
public class InformationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Accounts accounts;

    @EJB
    CompanyInvitations invitations;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    private transient UserAccount account;
    private transient List<AccessGrant> access;

    @Inject
    TimeDisplay timeDisplay;

    private transient List<CompanyInvitations.Pending> pendingInvitations;

    private transient AccountLink pendingEmailChange;
    private transient boolean pendingEmailChangeRead;

    private String phone;
    private String language;
    private String newEmail;
    private String emailPassword;
    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public UserAccount getAccount() {
        if (account == null) {
            account = accounts.current();
        }
        return account;
    }

    /** Saves phone and language; the pages switch to the chosen language at once. */
    public void saveContact() {
        try {
            Language chosen = Language.fromCode(language);
            accounts.changeContact(phone, chosen, FacesRequests.sourceAddress());
            localeSelection.use(chosen);
            account = null;
            phone = getAccount().getPhone();
            messages.formInfo("contact", "contact.saved");
        } catch (PortalException refused) {
            messages.fieldError("contact:phone", refused);
        }
    }

    public String getPhone() {
        if (phone == null && language == null) {
            phone = getAccount().getPhone();
        }
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getLanguage() {
        if (language == null) {
            language = getAccount().getLanguage().code();
        }
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public List<AccessGrant> getAccess() {
        if (access == null) {
            access = accounts.currentAccess();
        }
        return access;
    }

    /** Invitations to join a company waiting for the person's answer (issue 19). */
    public List<CompanyInvitations.Pending> getInvitations() {
        if (pendingInvitations == null) {
            pendingInvitations = invitations.open();
        }
        return pendingInvitations;
    }

    /** The applications an invitation asks for, in the page's language, or "none" in words. */
    public String invitedApplications(CompanyInvitations.Pending pending) {
        return pending.applications().stream().map(application -> application.name(localeSelection.current()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Joins the company named by the {@code invitation} parameter of the click; the whole page is read again, the
     * menu too (an administrator's role changes it). A refusal is said at the top of the page: the card of
     * invitations may have nothing left to show.
     */
    public String accept() {
        try {
            CompanyInvitations.Joined joined = invitations.accept(clickedInvitation(), FacesRequests.sourceAddress());
            return answered("companyInvitation.accepted", joined.companyName());
        } catch (NotFound gone) {
            messages.error("companyInvitation.gone");
        } catch (PortalException refused) {
            messages.error(refused.messageKey(), refused.arguments().toArray());
        }
        pendingInvitations = null;
        return null;
    }

    public String decline() {
        try {
            invitations.decline(clickedInvitation(), FacesRequests.sourceAddress());
            return answered("companyInvitation.declined");
        } catch (NotFound gone) {
            messages.error("companyInvitation.gone");
        } catch (PortalException refused) {
            messages.error(refused.messageKey(), refused.arguments().toArray());
        }
        pendingInvitations = null;
        return null;
    }

    private static String clickedInvitation() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("invitation");
    }

    private String answered(String key, Object... arguments) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        messages.info(key, arguments);
        return "/account/informations?faces-redirect=true";
    }

    public String applicationName(AccessGrant grant) {
        return grant.getApplication().name(localeSelection.current());
    }

    public void changePassword() {
        try {
            if (!newPassword.equals(confirmation)) {
                messages.fieldError("password:confirm", "password.mismatch");
                return;
            }
            accounts.changePassword(currentPassword, newPassword, SignedInSession.idOf(FacesRequests.current()),
                    FacesRequests.sourceAddress());
            messages.formInfo("password", "password.changed");
            account = null;
        } catch (PortalException refused) {
            String field = isAboutCurrentPassword(refused) ? "password:current" : "password:new";
            messages.fieldError(field, refused);
        } finally {
            // Passwords never stay in the view state, whatever the outcome.
            currentPassword = null;
            newPassword = null;
            confirmation = null;
        }
    }

    /**
     * Sends the confirmation link to the new address (the login changes when it is used). On an error the address
     * typed stays in the field; the password never does.
     */
    public void requestEmailChange() {
        try {
            AccountLink link = accounts.requestEmailChange(emailPassword, newEmail, FacesRequests.sourceAddress());
            messages.formInfo("email", "email.linkSent", link.getNewEmail(),
                    timeDisplay.format(link.getExpiresAt(), localeSelection.getLocale()));
            newEmail = null;
            pendingEmailChangeRead = false;
        } catch (PortalException refused) {
            messages.fieldError(isAboutCurrentPassword(refused) ? "email:password" : "email:newEmail", refused);
        } finally {
            emailPassword = null;
        }
    }

    /** The change waiting for its confirmation, shown so that a person knows where to look for the link. */
    public AccountLink getPendingEmailChange() {
        if (!pendingEmailChangeRead) {
            pendingEmailChange = accounts.pendingEmailChange().orElse(null);
            pendingEmailChangeRead = true;
        }
        return pendingEmailChange;
    }

    public String time(Instant instant) {
        return timeDisplay.format(instant, localeSelection.getLocale());
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getEmailPassword() {
        return emailPassword;
    }

    public void setEmailPassword(String emailPassword) {
        this.emailPassword = emailPassword;
    }

    private static boolean isAboutCurrentPassword(PortalException refused) {
        return refused.messageKey().equals("password.currentWrong") || refused.messageKey().equals("password.tooManyAttempts");
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
