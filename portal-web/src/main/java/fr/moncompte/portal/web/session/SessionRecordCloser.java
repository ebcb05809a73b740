package fr.moncompte.portal.web.session;

import fr.moncompte.portal.domain.session.boundary.Sessions;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * When an HTTP session times out (30 minutes without a request) its session record ends with it, audited as an
 * idle timeout. A session ended by sign-out or from "Sécurité" was ended before; nothing more happens then.
 */
@WebListener
public class SessionRecordCloser implements HttpSessionListener {

    @EJB
    Sessions sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object recordId = event.getSession().getAttribute(SignedInSession.ID);
        if (recordId != null) {
            sessions.closeWithHttpSession(recordId.toString());
        }
    }
}
