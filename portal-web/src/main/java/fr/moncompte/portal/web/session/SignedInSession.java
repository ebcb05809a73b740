package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.domain.session.entity.UserSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * The link between a signed-in browser's HTTP session and its record ({@link Sessions}), which the authentication
 * mechanism checks at every request, whatever its path: one ended from "Sécurité" on another device, by a password
 * change or by the account's being disabled signs this browser out at once (to the sign-in page, which says why);
 * so does a session past 30 idle minutes or 12 hours since sign-in, whatever the HTTP session still holds.
 */
public final class SignedInSession {

    /** The HTTP session attribute holding the id of the session record (see {@link Sessions}). */
    public static final String ID = "fr.moncompte.portal.session";

    private SignedInSession() {
    }

    public static String idOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(ID);
    }

    /**
     * Sends a browser whose session is over to the sign-in page, which says why. A Faces Ajax request cannot follow
     * a 302: it is told to go there in a partial response. Nothing else of the request is answered.
     */
    public static void signedOut(HttpServletRequest request, HttpServletResponse response, UserSession.State state)
            throws IOException {
        String reason = switch (state) {
            case IDLE -> "idle";
            case EXPIRED -> "expired";
            default -> "ended";
        };
        String url = request.getContextPath() + "/login.xhtml?" + reason + "=true";
        response.setHeader("Cache-Control", "no-store");
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().print("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url + "\"/></partial-response>");
        } else {
            response.sendRedirect(url);
        }
    }
}
