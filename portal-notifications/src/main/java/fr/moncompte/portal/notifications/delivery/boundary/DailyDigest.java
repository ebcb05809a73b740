package fr.moncompte.portal.notifications.delivery.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.notifications.delivery.control.DigestTimes;
import fr.moncompte.portal.notifications.delivery.control.NotificationFacts;
import fr.moncompte.portal.notifications.delivery.entity.Notification;
import fr.moncompte.portal.notifications.mail.boundary.MailDispatch;
import fr.moncompte.portal.notifications.mail.control.Mail;
import fr.moncompte.portal.notifications.mail.control.MailOutbox;
import fr.moncompte.portal.notifications.mail.control.MailRenderer;
import fr.moncompte.portal.notifications.mail.entity.OutgoingMail;
import fr.moncompte.portal.notifications.schema.boundary.NotificationsSchema;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The daily digest mail (beyond SPEC §6): for each person who chose it for some events, one mail a day listing what
 * happened before the digest moment ({@link DigestTimes}) and was not yet told, each line as its own mail's subject
 * with its link. Looked for every hour, so a node that was down at the digest moment catches up; one mail per person
 * and day whatever the nodes (its reference names both).
 */
@Stateless
@RunAs(Roles.SYSTEM)
@DeclareRoles(Roles.SYSTEM)
public class DailyDigest {

    private static final Logger LOG = Logger.getLogger(DailyDigest.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    /** Lines a digest lists, the newest; older ones are counted (all are in the inbox; a firm may have hundreds). */
    static final int MAX_LINES = 200;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    Accounts accounts;

    @EJB
    MailOutbox outbox;

    @EJB
    MailDispatch dispatch;

    @EJB
    NotificationsSchema schema;

    @Inject
    MailRenderer renderer;

    @Inject
    DigestTimes times;

    @Schedule(hour = "*", minute = "5", persistent = false, info = "daily digest")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void hourly() {
        sendDue(clock.instant());
    }

    /** Sends the digests due at {@code now}; answers how many went to the outbox. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendDue(Instant now) {
        schema.ready();
        Instant cut = times.last(now);
        List<Long> waiting = em.createQuery("""
                        select distinct n.accountId from Notification n
                        where n.mailDigest = true and n.digestedAt is null and n.occurredAt < :cut""", Long.class)
                .setParameter("cut", cut).getResultList();
        DailyDigest self = context.getBusinessObject(DailyDigest.class);
        int sent = 0;
        for (Long account : waiting) {
            try {
                sent += self.send(account, cut) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warning(() -> "The digest of account " + account + " failed; the next hour tries again: " + e);
            }
        }
        return sent;
    }

    /** One person's digest, in one transaction: the mail queued and its lines marked told, or neither. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean send(long accountId, Instant cut) {
        List<Notification> lines = em.createQuery("""
                        select n from Notification n where n.accountId = :account and n.mailDigest = true
                        and n.digestedAt is null and n.occurredAt < :cut order by n.occurredAt, n.id""", Notification.class)
                .setParameter("account", accountId).setParameter("cut", cut).getResultList();
        String reference = "digest-" + accountId + "-" + times.dayOf(cut);
        if (lines.isEmpty() || outbox.queued(reference)) {
            return false; // today's went already (another node's, or late lines): what is left goes tomorrow
        }
        Recipient recipient = accounts.recipient(accountId);
        List<MailRenderer.DigestLine> said = lines.stream().skip(Math.max(0, lines.size() - MAX_LINES))
                .map(line -> new MailRenderer.DigestLine(renderer.subject(line.getEventType(), recipient,
                        NotificationFacts.mailValues(line.getEventType(), recipient,
                                JSON.createReader(new StringReader(line.getFacts())).readObject())),
                        line.getLink() == null ? null : renderer.page(line.getLink())))
                .toList();
        Mail mail = renderer.digest(recipient, said, lines.size() - said.size());
        boolean queued = outbox.queue(new OutgoingMail(reference, "DIGEST", accountId, mail.to(), mail.senderName(),
                mail.locale().getLanguage(), mail.subject(), mail.text(), mail.html(), clock.instant()));
        if (!queued) {
            return false; // another node sent today's: what it did not tell goes in tomorrow's
        }
        Instant now = clock.instant();
        lines.forEach(line -> line.digested(now));
        dispatch.wakeAfterCommit();
        return true;
    }
}
