package fr.moncompte.portal.notifications.mail.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.boundary.AuditRecords;
import fr.moncompte.portal.notifications.mail.control.Mail;
import fr.moncompte.portal.notifications.mail.control.MailOutbox;
import fr.moncompte.portal.notifications.mail.entity.MailState;
import fr.moncompte.portal.notifications.mail.entity.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The operators' view of the outbox (Back-office › Mails): how many mails wait, went out or were given up, the dead
 * ones (the dead-letter list) with why, and their replay, one or all, which the audit log records. A replayed mail
 * starts a fresh series of tries at once.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class DeadLetters {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    MailOutbox outbox;

    @EJB
    MailDispatch dispatch;

    @EJB
    AuditRecords audit;

    @EJB
    DeadLinkMails linkMails;

    public Map<MailState, Long> counts() {
        return outbox.counts();
    }

    /** Dead mails, most recently given up first. */
    public List<OutgoingMail> dead(int first, int max) {
        return em.createQuery("select m from OutgoingMail m where m.state = :dead order by m.nextAttemptAt desc, m.id desc",
                        OutgoingMail.class)
                .setParameter("dead", MailState.DEAD).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * Replays one dead mail; "not found" for an id that is not a dead mail (sent, waiting, or unknown);
     * {@code mails.linkExpired} for one whose link is no longer open (the person asks for a new one).
     */
    public void replay(long mailId, String sourceAddress) {
        OutgoingMail mail = em.find(OutgoingMail.class, mailId);
        if (mail == null || mail.getState() != MailState.DEAD) {
            throw new NotFound();
        }
        if (!replayed(mail, clock.instant())) {
            throw new PortalException("mails.linkExpired");
        }
        audit.record(operator(), "MAIL_REPLAYED", "MAIL", mail.getId(), null,
                mail.getEventType() + " " + mail.getReference(), sourceAddress);
        dispatch.wakeAfterCommit();
    }

    /**
     * Puts a dead mail back in line; one holding a link is written anew with a fresh secret (its bodies were
     * forgotten when it was given up), or stays dead when its link is no longer open.
     */
    private boolean replayed(OutgoingMail mail, Instant now) {
        if (!mail.holdsLink()) {
            mail.replay(now);
            return true;
        }
        Optional<Mail> fresh = linkMails.rewrite(mail);
        fresh.ifPresent(written -> mail.replayWith(written.to(), written.subject(), written.text(), written.html(),
                now));
        return fresh.isPresent();
    }

    /** Replays every dead mail (but those whose link is no longer open); answers how many. */
    public int replayAll(String sourceAddress) {
        List<OutgoingMail> dead = em.createQuery("select m from OutgoingMail m where m.state = :dead",
                OutgoingMail.class).setParameter("dead", MailState.DEAD).getResultList();
        Instant now = clock.instant();
        int replayed = (int) dead.stream().filter(mail -> replayed(mail, now)).count();
        if (replayed > 0) {
            audit.record(operator(), "MAIL_REPLAYED", "MAIL", null, null, replayed + " mails", sourceAddress);
            dispatch.wakeAfterCommit();
        }
        return replayed;
    }

    private long operator() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
