package fr.moncompte.portal.web.i18n;

import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.entity.Language;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Locale;

/**
 * The language of this browser session's pages. Before sign-in it follows the browser (French unless it asks for
 * English); on the first page after sign-in it takes the account's language (whichever way the sign-in went: from
 * the form, or back to the page first asked for); the language switch changes it at once.
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private Language language;
    private boolean followsAccount;

    @EJB
    Accounts accounts;

    public Locale getLocale() {
        return current().locale();
    }

    /** The BCP 47 code for {@code <html lang>}. */
    public String getLanguage() {
        return current().code();
    }

    public Language current() {
        if (!followsAccount && signedIn()) {
            try {
                language = accounts.current().getLanguage();
                followsAccount = true;
            } catch (jakarta.ejb.EJBException notPropagated) {
                // The 403 page, dispatched after the web tier refused a request, runs without the caller's identity
                // in the EJB tier: it speaks the browser's language this once rather than failing to render.
            }
        }
        if (!followsAccount) {
            // Signed out, an explicit ?lang= on a page (a link from a mail, say) wins over what the session had.
            FacesContext faces = FacesContext.getCurrentInstance();
            String asked = faces == null ? null : faces.getExternalContext().getRequestParameterMap().get("lang");
            if (asked != null && !faces.isPostback()) {
                language = Language.fromCode(asked);
            }
        }
        if (language == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces == null) {
                return Language.DEFAULT; // outside a page request: decide nothing for the session yet
            }
            language = fromRequest(faces);
        }
        return language;
    }

    /**
     * Whether this request comes from someone signed in, as the servlet request tells it. (Not through an injected
     * {@code SecurityContext}: Soteria's is not serializable, and this bean travels with the session to the other
     * nodes of a cluster.)
     */
    private static boolean signedIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getExternalContext().getUserPrincipal() != null;
    }

    /** An explicit {@code ?lang=} wins; then the browser's first choice among ours; French when it states none. */
    private static Language fromRequest(FacesContext faces) {
        String asked = faces.getExternalContext().getRequestParameterMap().get("lang");
        if (asked != null) {
            return Language.fromCode(asked);
        }
        if (faces.getExternalContext().getRequestHeaderMap().get("Accept-Language") == null) {
            return Language.DEFAULT;
        }
        Iterator<Locale> wanted = faces.getExternalContext().getRequestLocales();
        while (wanted.hasNext()) {
            String code = wanted.next().getLanguage();
            if (code.equals("fr") || code.equals("en")) {
                return Language.fromCode(code);
            }
        }
        return Language.DEFAULT;
    }

    public void use(Language language) {
        this.language = language;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            faces.getViewRoot().setLocale(language.locale());
        }
    }
}
