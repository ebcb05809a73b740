package fr.moncompte.portal.notifications.delivery.boundary;

import fr.moncompte.portal.domain.account.boundary.AccountLinks;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.boundary.LinkMail;
import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.EventType;
import fr.moncompte.portal.notifications.delivery.entity.HandledEvent;
import fr.moncompte.portal.notifications.mail.control.Addresses;
import fr.moncompte.portal.notifications.mail.control.MailDelivery;
import fr.moncompte.portal.notifications.mail.control.MailRenderer;
import fr.moncompte.portal.notifications.schema.boundary.NotificationsSchema;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Handles each domain event once: records its id, finds the recipient through the domain's boundary, renders the
 * message in the recipient's language and sends it. A one-time link's secret is made here, as its mail is written,
 * so that it exists nowhere else. Runs in the transaction of the JMS delivery; a failure rolls
 * back the record too, so the redelivery tries again.
 */
@Stateless
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @EJB
    Accounts accounts;

    @EJB
    AccountLinks links;

    @Inject
    MailRenderer renderer;

    @Inject
    MailDelivery delivery;

    @EJB
    NotificationsSchema schema;

    public void handle(DomainEvent event) {
        // Events sent while the application starts (the demo data's billing runs) can arrive before this module has
        // migrated its tables: waiting for the migration here beats failing and redelivering until it is done.
        schema.ready();
        String id = event.id().toString();
        if (em.find(HandledEvent.class, id) != null) {
            LOG.fine(() -> "Event " + id + " was handled already; delivered twice, sent once.");
            return;
        }
        em.persist(new HandledEvent(id, event.type().name(), Instant.now()));
        // Claim the id before sending: two concurrent deliveries of one event cannot both insert it.
        em.flush();
        switch (event.type()) {
            case PASSWORD_CHANGED, ACCOUNT_LOCKED -> delivery.send(renderer.render(event.type(), recipientOf(event)), id);
            case USER_INVITED -> sendLink(event, "invitation.xhtml");
            case PASSWORD_RESET_REQUESTED -> sendLink(event, "password/reset.xhtml");
            case EMAIL_CHANGE_REQUESTED -> sendEmailConfirmation(event);
            case EMAIL_CHANGED -> sendEmailChanged(event);
            default -> LOG.fine(() -> "No notification is defined for " + event.type() + " yet.");
        }
    }

    /** The link's mail, to the account's address; nothing when a newer link replaced it before the mail went out. */
    private void sendLink(DomainEvent event, String page) {
        Recipient recipient = recipientOf(event);
        links.issue(event.subject(DomainEvent.LINK)).ifPresentOrElse(
                link -> delivery.send(renderer.render(event.type().name(), recipient, recipient.email(),
                        linkUrl(page, link, recipient), link.expiresAt()), event.id().toString()),
                () -> LOG.info(() -> event.type() + " " + event.id() + ": the link was spent before its mail; none sent."));
    }

    /** The link goes to the new address; the current one is told, with the new address partly hidden. */
    private void sendEmailConfirmation(DomainEvent event) {
        Recipient recipient = recipientOf(event);
        links.issue(event.subject(DomainEvent.LINK)).ifPresent(link -> {
            delivery.send(renderer.render(EventType.EMAIL_CHANGE_REQUESTED.name(), recipient, link.newEmail(),
                    linkUrl("email/confirm.xhtml", link, recipient), link.expiresAt()), event.id() + ".new");
            delivery.send(renderer.render("EMAIL_CHANGE_NOTICE", recipient, recipient.email(), null,
                    Addresses.mask(link.newEmail())), event.id() + ".current");
        });
    }

    /** To the new address (now the account's) and to the previous one, SPEC §6. */
    private void sendEmailChanged(DomainEvent event) {
        Recipient recipient = recipientOf(event);
        String masked = Addresses.mask(recipient.email());
        delivery.send(renderer.render(EventType.EMAIL_CHANGED.name(), recipient, recipient.email(), null, masked),
                event.id() + ".new");
        links.emailChangeOf(event.subject(DomainEvent.LINK)).map(LinkMail::previousEmail).ifPresent(previous ->
                delivery.send(renderer.render(EventType.EMAIL_CHANGED.name(), recipient, previous, null, masked),
                        event.id() + ".previous"));
    }

    private Recipient recipientOf(DomainEvent event) {
        return accounts.recipient(event.subjectId(DomainEvent.ACCOUNT));
    }

    /** The link opens its page in the recipient's language. */
    private String linkUrl(String page, LinkMail link, Recipient recipient) {
        return renderer.page(page) + "?token=" + link.token() + "&lang=" + recipient.language().code();
    }
}
