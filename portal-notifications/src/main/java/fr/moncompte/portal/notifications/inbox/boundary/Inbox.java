package fr.moncompte.portal.notifications.inbox.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.notifications.delivery.entity.Notification;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person's in-app notifications (the bell): newest first, paged in the database, each marked read
 * when opened or all at once. Only one's own: another person's id is "not found".
 */
@Stateless
@RolesAllowed(Roles.USER)
public class Inbox {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** One's in-app notifications shown by now (the in-app digest holds some until the digest moment). */
    private static final String SHOWN =
            "n.accountId = :me and n.inApp = true and (n.shownFrom is null or n.shownFrom <= :now)";

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource
    SessionContext session;

    public long unread() {
        return em.createQuery("select count(n) from Notification n where " + SHOWN + " and n.readAt is null", Long.class)
                .setParameter("me", callerId()).setParameter("now", clock.instant()).getSingleResult();
    }

    public long count() {
        return em.createQuery("select count(n) from Notification n where " + SHOWN, Long.class)
                .setParameter("me", callerId()).setParameter("now", clock.instant()).getSingleResult();
    }

    public List<InboxEntry> page(int first, int max) {
        return em.createQuery("select n from Notification n where " + SHOWN + " order by n.occurredAt desc, n.id desc",
                        Notification.class)
                .setParameter("me", callerId()).setParameter("now", clock.instant())
                .setFirstResult(first).setMaxResults(max).getResultStream()
                .map(Inbox::entry).toList();
    }

    /** Marks one of one's notifications read; answers where it leads (a page of the portal), if anywhere. */
    public InboxEntry open(long notificationId) {
        Notification notification = em.find(Notification.class, notificationId);
        if (notification == null || notification.getAccountId() != callerId() || !notification.isInApp()
                || notification.getShownFrom() != null && notification.getShownFrom().isAfter(clock.instant())) {
            throw new NotFound();
        }
        notification.markRead(clock.instant());
        return entry(notification);
    }

    /** Marks all of one's notifications read; answers how many were unread. */
    public int markAllRead() {
        return em.createQuery("""
                        update Notification n set n.readAt = :now
                        where n.accountId = :me and n.inApp = true and n.readAt is null
                        and (n.shownFrom is null or n.shownFrom <= :now)""")
                .setParameter("now", clock.instant()).setParameter("me", callerId()).executeUpdate();
    }

    private static InboxEntry entry(Notification notification) {
        Map<String, String> facts = new LinkedHashMap<>();
        JsonObject object = JSON.createReader(new StringReader(notification.getFacts())).readObject();
        object.forEach((name, value) -> facts.put(name, ((JsonString) value).getString()));
        return new InboxEntry(notification.getId(), notification.getEventType(), notification.getOccurredAt(),
                notification.isRead(), notification.getLink(), facts);
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
