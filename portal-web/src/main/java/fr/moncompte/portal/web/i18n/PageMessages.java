package fr.moncompte.portal.web.i18n;

import fr.moncompte.portal.domain.PortalException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

/** Puts translated messages on the page: the outcome of a form, or the error of one field. */
@RequestScoped
public class PageMessages {

    @Inject
    Texts texts;

    public void info(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    /** The outcome of one form, shown beside it (its {@code p:messages for} the form's id). */
    public void formInfo(String formId, String key, Object... arguments) {
        add(formId, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    /** A refusal about a whole form, shown beside it. */
    public void formError(String formId, String key, Object... arguments) {
        add(formId, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    public void error(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    /** An error tied to one input, given by its client id, e.g. "password:current". */
    public void fieldError(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, arguments);
        // Marks the input invalid, so that it renders aria-invalid and the error style, as a validator's would.
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId) instanceof UIInput input) {
            input.setValid(false);
        }
    }

    /**
     * An error tied to one input refused after the model was updated: the input shows {@code typed} again (an invalid
     * input renders its submitted value, which the update of the model has cleared), so nothing typed is lost.
     */
    public void fieldErrorKeeping(String clientId, String typed, String key) {
        fieldError(clientId, key);
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId) instanceof UIInput input) {
            input.setSubmittedValue(typed == null ? "" : typed);
        }
    }

    public void fieldError(String clientId, PortalException refusal) {
        fieldError(clientId, refusal.messageKey(), refusal.arguments().toArray());
    }

    private void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        String text = texts.format(key, arguments);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(severity, text, text));
        if (severity == FacesMessage.SEVERITY_ERROR) {
            faces.validationFailed();
        }
    }
}
