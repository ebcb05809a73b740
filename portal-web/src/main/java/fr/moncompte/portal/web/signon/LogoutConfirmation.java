package fr.moncompte.portal.web.signon;

import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.session.SignedInSession;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * "Se déconnecter ?" for an application's logout request that did not come with an ID token of this session: the
 * person decides (a link alone must not sign anyone out), then goes where the application asked.
 */
@Named
@RequestScoped
public class LogoutConfirmation {

    static final String AFTER = "fr.moncompte.portal.oidc.afterLogout";

    @EJB
    Sessions sessions;

    @Inject
    LocaleSelection locale;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String after = (String) external.getSessionMap().get(AFTER);
        String sessionId = SignedInSession.idOf(request);
        if (sessionId != null) {
            sessions.end(sessionId, request.getRemoteAddr());
        }
        request.logout();
        external.invalidateSession();
        if (after == null || after.startsWith("/")) {
            external.redirect(after == null ? external.getRequestContextPath() + "/login.xhtml?signedOut=true" : after);
        } else {
            Responses.navigate((jakarta.servlet.http.HttpServletResponse) external.getResponse(),
                    java.net.URI.create(after), locale.getLocale());
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void stay() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getSessionMap().remove(AFTER);
        external.redirect(external.getRequestContextPath() + "/index.xhtml");
    }
}
