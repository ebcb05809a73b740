package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.account.entity.SignInAttempt;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.domain.session.entity.UserSession;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import fr.moncompte.portal.web.session.SignedInSession;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** "Mon compte › Sécurité": where the person is signed in, the last sign-ins, and ending other sessions. */
@Named
@ViewScoped
public class SecurityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Sessions sessions;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    TimeDisplay timeDisplay;

    public List<UserSession> getActiveSessions() {
        return sessions.active();
    }

    public List<SignInAttempt> getRecentSignIns() {
        return sessions.recentSignIns();
    }

    public boolean isCurrent(UserSession session) {
        return session.getId().equals(SignedInSession.idOf(FacesRequests.current()));
    }

    public void end(UserSession session) {
        sessions.end(session.getId(), FacesRequests.sourceAddress());
        messages.info("security.sessionEnded");
    }

    public void endOthers() {
        int ended = sessions.endOthers(SignedInSession.idOf(FacesRequests.current()), FacesRequests.sourceAddress());
        messages.info("security.othersEnded", ended);
    }

    public String time(Instant instant) {
        return timeDisplay.format(instant, localeSelection.getLocale());
    }

    public String browser(String userAgent) {
        return BrowserName.of(userAgent);
    }
}
