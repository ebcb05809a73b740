package fr.moncompte.portal.web.error;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Refuses a form sent back without the page's script nonce before anything in it runs. PrimeFaces, in CSP mode,
 * gives each view a nonce that its scripts send with every form; it checks it only when rendering the answer, that
 * is after the form's action, and then fails with a bare 500. Here a form replayed by hand, or posted from a copy of
 * the page, leads to the "page expired" page instead, and changes nothing.
 */
public class FormNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    /** PrimeFaces' name for the nonce, both as request parameter and in the view map. */
    static final String NONCE = "primefaces.nonce";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (!faces.isPostback() || faces.getViewRoot() == null) {
            return;
        }
        Map<String, Object> viewMap = faces.getViewRoot().getViewMap(false);
        Object expected = viewMap == null ? null : viewMap.get(NONCE);
        if (expected == null || expected.toString().isBlank()) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        if (!expected.equals(external.getRequestParameterMap().get(NONCE))) {
            try {
                external.redirect(external.getRequestContextPath() + ErrorPageHandler.EXPIRED_PAGE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // Only after the view is restored is its nonce known.
    }
}
