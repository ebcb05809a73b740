package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.web.security.SignInMechanism;
import fr.moncompte.portal.web.session.SignedInSession;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Set;

/**
 * Test-only (never in the shipped WAR): writes into the caller's HTTP session what a forged or tampered replicated
 * session would hold (issue 19, point 13). POST {@code groups=A,B}: the session's signed-in person keeps their name
 * and session record, with these groups instead; POST {@code email=…&groups=…&record=…}: a new session claiming to
 * be that person, with a made-up session record.
 */
@WebServlet("/it/forge")
public class ForgedSessionProbe extends HttpServlet {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> groups = Set.of(request.getParameter("groups").split(","));
        HttpSession session = request.getSession(true);
        String name;
        if (request.getParameter("email") != null) {
            name = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                    .setParameter("emailKey", UserAccount.emailKey(request.getParameter("email")))
                    .getSingleResult().getId().toString();
            session.setAttribute(SignedInSession.ID, request.getParameter("record"));
        } else {
            name = ((SignInMechanism.SignedIn) session.getAttribute(SignInMechanism.SIGNED_IN)).name();
        }
        session.setAttribute(SignInMechanism.SIGNED_IN, new SignInMechanism.SignedIn(name, groups));
        response.setContentType("text/plain");
        response.getWriter().print("forged");
    }
}
