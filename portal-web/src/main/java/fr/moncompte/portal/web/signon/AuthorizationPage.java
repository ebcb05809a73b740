package fr.moncompte.portal.web.signon;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.signon.boundary.SignOn;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.Config;

import java.util.List;

/**
 * The pages between the portal and an application (issue 22): "which company?" when the person holds the application
 * on several, and the refusal that says who can grant it. Both lead on with links (the choice to the authorization
 * endpoint, the refusal back to the application), since a form's redirect to another origin is what the
 * Content-Security-Policy forbids. Each works on a pending request of this browser's session
 * ({@code ?request=}); a request of another session, or one already answered, is "no longer valid".
 */
@Named
@RequestScoped
public class AuthorizationPage {

    @EJB
    SignOn signOn;

    @Inject
    Config config;

    @Inject
    LocaleSelection locale;

    private String request;
    private PendingAuthorization pending;
    private List<SignOn.Choice> choices;
    private List<SignOn.Granters> granters;

    public String getRequest() {
        return request;
    }

    public void setRequest(String request) {
        this.request = request;
    }

    private PendingAuthorization pending() {
        if (pending == null && request != null) {
            HttpServletRequest http = http();
            pending = http.getUserPrincipal() == null ? null : PendingAuthorization.find(http.getSession(false), request);
        }
        return pending;
    }

    /** Whether the request is still waiting here. */
    public boolean isValid() {
        return pending() != null;
    }

    /** The application's name in the page's language. */
    public String getApplication() {
        PendingAuthorization p = pending();
        return p == null ? "" : locale.current() == Language.EN ? p.nameEn() : p.nameFr();
    }

    public List<SignOn.Choice> getChoices() {
        if (choices == null) {
            choices = pending() == null ? List.of() : signOn.companiesFor(pending().clientId());
        }
        return choices;
    }

    public List<SignOn.Granters> getGranters() {
        if (granters == null) {
            granters = pending() == null ? List.of() : signOn.grantersFor();
        }
        return granters;
    }

    /** The application's address that tells it the person was refused ({@code error=access_denied}). */
    public String getBackUrl() {
        PendingAuthorization p = pending();
        return p == null ? null : Responses.error(config, p.redirectUri(), OAuth2Error.ACCESS_DENIED
                .setDescription("no access to this application"), p.state()).toString();
    }

    private static HttpServletRequest http() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
