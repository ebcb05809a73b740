package fr.moncompte.portal.web.session;

import fr.moncompte.portal.web.security.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** The HTTP request behind the Faces request being handled, and the source address audit events keep. */
public final class FacesRequests {

    private FacesRequests() {
    }

    public static HttpServletRequest current() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** The address the request came from, as audit events and session records keep it. */
    public static String sourceAddress() {
        return ClientAddress.of(current());
    }
}
