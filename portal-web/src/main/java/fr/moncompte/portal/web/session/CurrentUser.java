package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The signed-in person as the header and the left band show them; sign-out and the language switch. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    LocaleSelection localeSelection;

    @EJB
    Accounts accounts;

    @EJB
    Sessions sessions;

    private UserAccount account;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public UserAccount getAccount() {
        if (account == null && isSignedIn()) {
            account = accounts.current();
        }
        return account;
    }

    public String getDisplayName() {
        return getAccount() == null ? "" : getAccount().displayName();
    }

    /** Administrators of any kind see the spaces "Utilisateurs" and "Entreprises". */
    public boolean isAdministrator() {
        return securityContext.isCallerInRole(Roles.CLIENT_ADMIN) || securityContext.isCallerInRole(Roles.FIRM_ADMIN)
                || securityContext.isCallerInRole(Roles.OPERATOR);
    }

    /** Administrators of a client's or a firm's account: "Accès aux services" (and, later, "Factures"). */
    public boolean isAccountAdministrator() {
        return securityContext.isCallerInRole(Roles.CLIENT_ADMIN) || securityContext.isCallerInRole(Roles.FIRM_ADMIN);
    }

    /** Operators see the back-office: catalogue, audit log, help feedback. */
    public boolean isOperator() {
        return securityContext.isCallerInRole(Roles.OPERATOR);
    }

    /** The roles held, most powerful last, for the Informations page. */
    public List<String> getRoles() {
        return Stream.of(Roles.USER, Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR)
                .filter(securityContext::isCallerInRole)
                .toList();
    }

    /** The language switch of the header: applies at once and becomes the account's language (mails follow it). */
    public void switchLanguage(String code) throws IOException {
        Language language = Language.fromCode(code);
        localeSelection.use(language);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (isSignedIn()) {
            accounts.changeLanguage(language, request.getRemoteAddr());
        }
        // The same page again, with its view parameters: a link page keeps its token.
        FacesContext faces = FacesContext.getCurrentInstance();
        external.redirect(faces.getApplication().getViewHandler().getBookmarkableURL(faces,
                faces.getViewRoot().getViewId(), Map.of(), true));
    }

    /**
     * How long this session may stay without a request (the HTTP session's timeout, 30 minutes in web.xml); the page
     * warns 60 seconds before and signs out on its own when nobody answers.
     */
    public int getIdleSeconds() {
        return FacesContext.getCurrentInstance().getExternalContext().getSessionMaxInactiveInterval();
    }

    /** "Rester connecté": the request itself is what keeps the session open (and notes it as seen). */
    public void keepAlive() {
        // Nothing more to do: reaching here has renewed the HTTP session and the session record.
    }

    public void signOut() throws IOException, ServletException {
        signOut("signedOut");
    }

    /** The idle warning ran out: signs out and tells why on the sign-in page. */
    public void signOutIdle() throws IOException, ServletException {
        signOut("idle");
    }

    private void signOut(String reason) throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Language language = localeSelection.current();
        String sessionId = SignedInSession.idOf(request);
        if (sessionId != null && reason.equals("idle")) {
            sessions.idleOut(sessionId, request.getRemoteAddr());
        } else if (sessionId != null) {
            sessions.end(sessionId, request.getRemoteAddr());
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?" + reason + "=true&lang=" + language.code());
    }
}
