package fr.moncompte.portal.web.operations;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.notifications.mail.boundary.DeadLetters;
import fr.moncompte.portal.notifications.mail.entity.MailState;
import fr.moncompte.portal.notifications.mail.entity.OutgoingMail;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Back-office › Mails: how many mails wait, went out or were given up, and the dead-letter list (the mails given up
 * after their last try, with why) with a replay for one or all.
 */
@Named
@ViewScoped
public class MailsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 50;

    @EJB
    DeadLetters deadLetters;

    @Inject
    PageMessages messages;

    @Inject
    TimeDisplay time;

    @Inject
    LocaleSelection localeSelection;

    private transient Map<MailState, Long> counts;
    private transient List<OutgoingMail> dead;

    public long count(String state) {
        if (counts == null) {
            counts = deadLetters.counts();
        }
        return counts.getOrDefault(MailState.valueOf(state), 0L);
    }

    /** The most recent dead mails (the list says when there are more). */
    public List<OutgoingMail> getDead() {
        if (dead == null) {
            dead = deadLetters.dead(0, SHOWN);
        }
        return dead;
    }

    public String time(Instant instant) {
        return time.format(instant, localeSelection.getLocale());
    }

    public void replay(long id) {
        try {
            deadLetters.replay(id, FacesRequests.sourceAddress());
            messages.info("mails.replayed");
        } catch (NotFound gone) {
            messages.error("mails.notDead");
        } catch (PortalException refused) {
            messages.error(refused.messageKey());
        }
        refresh();
    }

    public void replayAll() {
        int replayed = deadLetters.replayAll(FacesRequests.sourceAddress());
        messages.info(replayed == 0 ? "mails.noneDead" : "mails.allReplayed", replayed);
        refresh();
    }

    public void refresh() {
        counts = null;
        dead = null;
    }
}
