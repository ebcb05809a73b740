package fr.moncompte.portal.web.error;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form posted after its view expired (session ended, page left open, or replayed without its view state) leads to
 * the translated "Page expirée" page, for full and Ajax requests alike. The servlet container would otherwise see the
 * exception wrapped and answer with the generic error page.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    static final String EXPIRED_PAGE = "/error/expired.xhtml";

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            if (isExpiredView(events.next().getContext().getException())) {
                events.remove();
                if (!faces.getResponseComplete()) {
                    redirectToExpiredPage(faces.getExternalContext());
                    faces.responseComplete();
                }
            }
        }
        getWrapped().handle();
    }

    private static boolean isExpiredView(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    private static void redirectToExpiredPage(ExternalContext external) {
        try {
            external.redirect(external.getRequestContextPath() + EXPIRED_PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
