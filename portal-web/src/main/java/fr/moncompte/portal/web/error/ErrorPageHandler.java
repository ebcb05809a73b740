package fr.moncompte.portal.web.error;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leads people to a translated page when a request fails, never to a stack trace:
 * <ul>
 * <li>a form posted after its view expired (session ended, page left open, replayed without its view state, with a
 * made-up one or without its script nonce) goes to "Page expirée", for full and Ajax requests alike (the container
 * would see the exception wrapped and answer 500);</li>
 * <li>any other failure of an Ajax request (which the container's error pages cannot reach) goes to the error page;
 * the log keeps the exception under an incident id. Full requests keep the container's error pages (web.xml).</li>
 * </ul>
 */
public class ErrorPageHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ErrorPageHandler.class.getName());

    static final String EXPIRED_PAGE = "/error/expired.xhtml";
    static final String ERROR_PAGE = "/error/500.xhtml";

    public ErrorPageHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean ajax = faces.getPartialViewContext().isAjaxRequest();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable exception = events.next().getContext().getException();
            String page;
            if (isExpiredView(exception)) {
                page = EXPIRED_PAGE;
            } else if (ajax) {
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Incident " + incident + " on " + faces.getViewRoot().getViewId(), exception);
                page = ERROR_PAGE;
            } else {
                continue;
            }
            events.remove();
            if (!faces.getResponseComplete()) {
                redirect(faces.getExternalContext(), page);
                faces.responseComplete();
            }
        }
        getWrapped().handle();
    }

    /**
     * A postback that cannot be replayed: its view expired; its view state is not one this server gave (made up, or
     * "stateless" for a page that keeps state: Faces cannot restore the view); or its script nonce is missing or
     * wrong (PrimeFaces refuses it). None is a failure of the portal: the person reloads the page.
     */
    static boolean isExpiredView(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException || cause instanceof CspException
                    || cause instanceof FacesException && cause.getMessage() != null
                    && cause.getMessage().startsWith("Unable to restore view")) {
                return true;
            }
        }
        return false;
    }

    private static void redirect(ExternalContext external, String page) {
        try {
            external.redirect(external.getRequestContextPath() + page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
