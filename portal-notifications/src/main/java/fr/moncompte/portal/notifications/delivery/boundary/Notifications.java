package fr.moncompte.portal.notifications.delivery.boundary;

import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.EventType;
import fr.moncompte.portal.notifications.delivery.entity.HandledEvent;
import fr.moncompte.portal.notifications.mail.control.MailDelivery;
import fr.moncompte.portal.notifications.mail.control.MailRenderer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Handles each domain event once: records its id, finds the recipient through the domain's boundary, renders the
 * message in the recipient's language and sends it. Runs in the transaction of the JMS delivery; a failure rolls
 * back the record too, so the redelivery tries again.
 */
@Stateless
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    /** The events that mail the account they are about. Further events join with their templates. */
    static final Set<EventType> MAILED_TO_ACCOUNT = EnumSet.of(EventType.PASSWORD_CHANGED, EventType.ACCOUNT_LOCKED);

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @EJB
    Accounts accounts;

    @Inject
    MailRenderer renderer;

    @Inject
    MailDelivery delivery;

    public void handle(DomainEvent event) {
        String id = event.id().toString();
        if (em.find(HandledEvent.class, id) != null) {
            LOG.fine(() -> "Event " + id + " was handled already; delivered twice, sent once.");
            return;
        }
        em.persist(new HandledEvent(id, event.type().name(), Instant.now()));
        // Claim the id before sending: two concurrent deliveries of one event cannot both insert it.
        em.flush();
        if (!MAILED_TO_ACCOUNT.contains(event.type())) {
            LOG.fine(() -> "No notification is defined for " + event.type() + " yet.");
            return;
        }
        Recipient recipient = accounts.recipient(event.subjectId(DomainEvent.ACCOUNT));
        delivery.send(renderer.render(event.type(), recipient), id);
    }
}
