package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.domain.session.entity.UserSession;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Every page asked for by a signed-in browser checks that its session is still open: one ended from "Sécurité" on
 * another device, or by a password change, signs this browser out at once (to the sign-in page, which says why);
 * so does a session past 30 idle minutes or 12 hours since sign-in, whatever the HTTP session still holds.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class SignedInSession extends HttpFilter {

    /** The HTTP session attribute holding the id of the session record (see {@link Sessions}). */
    public static final String ID = "fr.moncompte.portal.session";

    @EJB
    Sessions sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        UserSession.State state = request.getUserPrincipal() == null
                ? UserSession.State.ACTIVE
                : sessions.check(idOf(request), request.getRemoteAddr());
        if (state != UserSession.State.ACTIVE) {
            request.logout();
            HttpSession ended = request.getSession(false);
            if (ended != null) {
                ended.invalidate();
            }
            String reason = switch (state) {
                case IDLE -> "idle";
                case EXPIRED -> "expired";
                default -> "ended";
            };
            redirect(request, response, request.getContextPath() + "/login.xhtml?" + reason + "=true");
            return;
        }
        chain.doFilter(request, response);
    }

    public static String idOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(ID);
    }

    /** A Faces Ajax request cannot follow a 302: it is told to go there in a partial response. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
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
