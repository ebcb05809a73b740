package fr.moncompte.portal.notifications.mail.boundary;

import fr.moncompte.portal.notifications.mail.entity.MailState;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Sent mails, and mails given up on, are kept {@code portal.retention.sent-mails} (90 days by default) for the
 * operators' "Mails" page, then deleted every night (issue 21): each holds an address, a name and what was said.
 * Mails still waiting are never purged.
 */
@Stateless
@PermitAll
public class MailRetention {

    private static final Logger LOG = Logger.getLogger(MailRetention.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.retention.sent-mails", defaultValue = "P90D")
    Duration sentMails;

    @Schedule(hour = "2", minute = "40", persistent = false, info = "mail retention")
    void nightly() {
        purge();
    }

    /** Deletes the mails sent or given up on before the period; answers how many. */
    public int purge() {
        Instant before = clock.instant().minus(sentMails);
        int sent = em.createQuery("delete from OutgoingMail m where m.state = :sent and m.sentAt < :before")
                .setParameter("sent", MailState.SENT).setParameter("before", before).executeUpdate();
        int dead = em.createQuery("delete from OutgoingMail m where m.state = :dead and m.queuedAt < :before")
                .setParameter("dead", MailState.DEAD).setParameter("before", before).executeUpdate();
        LOG.info(() -> "Retention: " + (sent + dead) + " mail(s) older than " + sentMails + " deleted.");
        return sent + dead;
    }
}
