package fr.moncompte.portal.notifications.delivery.boundary;

import fr.moncompte.portal.domain.account.boundary.AccountLinks;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.boundary.LinkMail;
import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.domain.account.entity.LinkPurpose;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.SubjectNames;
import fr.moncompte.portal.notifications.delivery.control.DigestTimes;
import fr.moncompte.portal.notifications.delivery.control.NotificationFacts;
import fr.moncompte.portal.notifications.delivery.entity.Notification;
import fr.moncompte.portal.notifications.mail.boundary.MailDispatch;
import fr.moncompte.portal.notifications.mail.control.Addresses;
import fr.moncompte.portal.notifications.mail.control.Mail;
import fr.moncompte.portal.notifications.mail.control.MailOutbox;
import fr.moncompte.portal.notifications.mail.control.MailRenderer;
import fr.moncompte.portal.notifications.mail.entity.OutgoingMail;
import fr.moncompte.portal.notifications.preference.boundary.NotificationPreferences;
import fr.moncompte.portal.notifications.preference.entity.Channel;
import fr.moncompte.portal.notifications.preference.entity.Delivery;
import fr.moncompte.portal.notifications.schema.boundary.NotificationsSchema;
import fr.moncompte.portal.notifications.topic.Topic;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Handles each domain event in its own transaction, committed before the message is acknowledged: finds whom to
 * tell (the person concerned, or the administrators of the billed account), records one {@link Notification} per
 * event and person (a message delivered twice finds them and does nothing more), which is their inbox entry when
 * that channel is on, and queues their mail in the outbox when that channel is on, written in their language.
 * Mandatory events ignore the switches. The mails leave after the commit ({@link MailDispatch}), so a mail server
 * that is down delays them and loses none. A one-time link's secret is made here, as its mail is written, so that
 * it exists nowhere else.
 */
@Stateless
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @EJB
    Accounts accounts;

    @EJB
    AccountLinks links;

    @EJB
    SubjectNames names;

    @EJB
    NotificationPreferences preferences;

    @EJB
    MailOutbox outbox;

    @EJB
    MailDispatch dispatch;

    @Inject
    MailRenderer renderer;

    @Inject
    DigestTimes digest;

    @EJB
    NotificationsSchema schema;


    public void handle(DomainEvent event) {
        // Events sent while the application starts (the demo data's billing runs) can arrive before this module has
        // migrated its tables: waiting for the migration here beats failing and redelivering until it is done.
        schema.ready();
        if ("PERSON_ERASED".equals(event.type())) {
            forget(event.subjectId(DomainEvent.ACCOUNT));
            return;
        }
        if (event.subjects().containsKey(DomainEvent.ACCOUNT)
                && accounts.findRecipient(event.subjectId(DomainEvent.ACCOUNT)).isEmpty()) {
            // The person was erased (or never existed here): nobody to tell, and nothing to retry.
            LOG.info(() -> "Event " + event.id() + " of type " + event.type() + " is about nobody left; not sent.");
            return;
        }
        Optional<Topic> topic = Topic.of(event.type());
        if (topic.isEmpty()) {
            LOG.fine(() -> "Event " + event.id() + " of type " + event.type() + " is nobody's notice.");
            return;
        }
        switch (topic.get()) {
            case USER_INVITED -> sendLink(event, "invitation.xhtml");
            case PASSWORD_RESET_REQUESTED -> sendLink(event, "password/reset.xhtml");
            case EMAIL_CHANGE_REQUESTED -> sendEmailConfirmation(event);
            case EMAIL_CHANGED -> sendEmailChanged(event);
            // A security notice carries no link: people are taught not to follow links in such mails.
            case PASSWORD_CHANGED, ACCOUNT_LOCKED, SECOND_FACTOR_ADDED, SECOND_FACTOR_REMOVED, RECOVERY_CODE_USED,
                 RECOVERY_CODES_REGENERATED, SECOND_FACTOR_RESET -> tell(event, recipientOf(event), "account/security.xhtml", false,
                    JSON.createObjectBuilder());
            case ACCESS_GRANTED, ACCESS_REVOKED -> tellAboutAccess(event);
            case MEMBERSHIP_ENDED -> tell(event, recipientOf(event), "account/informations.xhtml", false,
                    JSON.createObjectBuilder().add("company", names.company(event.subjectId(DomainEvent.COMPANY))));
            // No secret in it: the person answers signed in, on the page the link opens.
            case COMPANY_INVITATION -> tell(event, recipientOf(event), "account/informations.xhtml", true,
                    JSON.createObjectBuilder().add("company", names.company(event.subjectId(DomainEvent.COMPANY)))
                            .add("inviter", event.actorId() == null ? "" : names.person(event.actorId())));
            case INVOICE_ISSUED, INVOICE_OVERDUE, PAYMENT_FAILED, PAYMENT_RECEIVED -> tellAboutInvoice(event);
            case BILLING_ARRANGEMENT_CHANGED -> tellAboutBillingMove(event);
        }
    }

    /**
     * Each administrator of the client's account and of every firm concerned: which company, from which month, and
     * who receives its invoices from then on (issue 21).
     */
    private void tellAboutBillingMove(DomainEvent event) {
        long companyId = event.subjectId(DomainEvent.COMPANY);
        String company = names.company(companyId);
        for (String account : event.subject(DomainEvent.CUSTOMER_ACCOUNTS).split(",")) {
            for (Recipient administrator : accounts.administrators(Long.parseLong(account))) {
                tell(event, administrator, "companies/company.xhtml?id=" + companyId, true, JSON.createObjectBuilder()
                        .add("company", company)
                        .add("month", event.subject(DomainEvent.MONTH))
                        .add("billedTo", event.subject(DomainEvent.BILLED_TO))
                        .add("mode", event.subject(DomainEvent.BILLING_MODE)));
            }
        }
    }

    /**
     * A person erased on request (issue 21): their inbox, preferences and mails (sent or waiting, which hold their
     * address and their name) go. Run again for a redelivered event, it finds nothing left.
     */
    private void forget(long accountId) {
        int notifications = em.createNativeQuery("delete from ntf_notification where account_id = ?1")
                .setParameter(1, accountId).executeUpdate();
        em.createNativeQuery("delete from ntf_preference where account_id = ?1").setParameter(1, accountId)
                .executeUpdate();
        int mails = em.createNativeQuery("delete from ntf_mail where account_id = ?1").setParameter(1, accountId)
                .executeUpdate();
        LOG.info(() -> "Erased person " + accountId + ": " + notifications + " notification(s) and " + mails
                + " mail(s) forgotten.");
    }

    /** The person whose access changed: which application, on which company. */
    private void tellAboutAccess(DomainEvent event) {
        SubjectNames.ApplicationName application = names.application(event.subject(DomainEvent.APPLICATION));
        tell(event, recipientOf(event), "account/informations.xhtml", true, JSON.createObjectBuilder()
                .add("company", names.company(event.subjectId(DomainEvent.COMPANY)))
                .add("application.fr", application.french())
                .add("application.en", application.english()));
    }

    /**
     * Each administrator of the billed account: which invoice, of which company, how much, due when, as the event
     * tells it (billing's event carries these facts: this module reads nothing of billing's).
     */
    private void tellAboutInvoice(DomainEvent event) {
        long invoiceId = event.subjectId(DomainEvent.INVOICE);
        for (Recipient administrator : accounts.administrators(event.subjectId(DomainEvent.CUSTOMER_ACCOUNT))) {
            tell(event, administrator, "invoices/invoice.xhtml?id=" + invoiceId, true, JSON.createObjectBuilder()
                    .add("number", event.subject(DomainEvent.INVOICE_NUMBER))
                    .add("company", event.subject(DomainEvent.COMPANY_NAME))
                    .add("amount", event.subject(DomainEvent.AMOUNT))
                    .add("due", event.subject(DomainEvent.DUE_DATE)));
        }
    }

    /**
     * Tells one person of an event on the channels they keep on: an inbox entry and a mail. Nothing when this person
     * was already told of this event.
     *
     * @param page     the page it is about, which the inbox entry leads to
     * @param mailLink whether the mail links to that page too
     */
    private void tell(DomainEvent event, Recipient recipient, String page, boolean mailLink, JsonObjectBuilder facts) {
        JsonObject said = facts.build();
        Topic topic = Topic.of(event.type()).orElseThrow();
        Delivery inApp = preferences.delivery(recipient.accountId(), topic, Channel.IN_APP);
        Delivery mail = preferences.delivery(recipient.accountId(), topic, Channel.EMAIL);
        Instant shownFrom = inApp == Delivery.DIGEST ? digest.next(event.occurredAt()) : null;
        if (!claim(event, recipient, inApp != Delivery.OFF, shownFrom, mail == Delivery.DIGEST, page,
                said.toString())) {
            return;
        }
        if (mail == Delivery.IMMEDIATE) {
            queue(event, recipient, event.id() + "." + recipient.accountId(), renderer.render(event.type(),
                    recipient, recipient.email(), mailLink ? renderer.page(page) : null,
                    NotificationFacts.mailValues(event.type(), recipient, said)));
        }
    }

    /**
     * Records that this person is told of this event; false when they were already (a message delivered twice).
     * Flushed at once: two deliveries of one event at the same moment cannot both insert it, the second rolls back
     * and, redelivered, finds it.
     */
    private boolean claim(DomainEvent event, Recipient recipient, boolean inApp, Instant shownFrom, boolean mailDigest,
                          String page, String facts) {
        String id = event.id().toString();
        boolean told = !em.createQuery("select n.id from Notification n where n.eventId = :event and n.accountId = :account",
                        Long.class).setParameter("event", id).setParameter("account", recipient.accountId())
                .setMaxResults(1).getResultList().isEmpty();
        if (told) {
            LOG.fine(() -> "Event " + id + " was handled for " + recipient.accountId() + " already; sent once.");
            return false;
        }
        em.persist(new Notification(id, recipient.accountId(), event.type(), event.occurredAt(), inApp,
                shownFrom, mailDigest, page, facts));
        em.flush();
        return true;
    }

    /** The link's mail, to the account's address; nothing when a newer link replaced it before the mail went out. */
    private void sendLink(DomainEvent event, String page) {
        Recipient recipient = recipientOf(event);
        if (!claim(event, recipient, false, null, false, null, "{}")) {
            return;
        }
        links.issue(event.subject(DomainEvent.LINK)).ifPresentOrElse(
                link -> queue(event, recipient, event.id().toString(), renderer.render(event.type(), recipient,
                        recipient.email(), linkUrl(page, link, recipient), link.expiresAt())),
                () -> LOG.info(() -> event.type() + " " + event.id() + ": the link was spent before its mail; none sent."));
    }

    /**
     * The link goes to the new address; the current one is told, with the new address partly hidden. A new address
     * that already signs in to another account gets a notice instead (the requester is answered the same).
     */
    private void sendEmailConfirmation(DomainEvent event) {
        Recipient recipient = recipientOf(event);
        if (!claim(event, recipient, false, null, false, null, "{}")) {
            return;
        }
        links.issue(event.subject(DomainEvent.LINK)).ifPresent(link -> {
            if (link.newEmailOwner() != null) {
                // The address signs in to another account: its owner is told, in their language, with no link.
                queue(event, link.newEmailOwner(), event.id() + ".new", renderer.render("EMAIL_ADDRESS_IN_USE",
                        link.newEmailOwner(), link.newEmail(), null));
            } else {
                queue(event, recipient, event.id() + ".new", renderer.render(Topic.EMAIL_CHANGE_REQUESTED.name(),
                        recipient, link.newEmail(), linkUrl("email/confirm.xhtml", link, recipient),
                        link.expiresAt()));
            }
            queue(event, recipient, event.id() + ".current", renderer.render("EMAIL_CHANGE_NOTICE", recipient,
                    recipient.email(), null, Addresses.mask(link.newEmail())));
        });
    }

    /** To the new address (now the account's) and to the previous one, SPEC §6; and in the inbox. */
    private void sendEmailChanged(DomainEvent event) {
        Recipient recipient = recipientOf(event);
        boolean inApp = preferences.delivery(recipient.accountId(), Topic.EMAIL_CHANGED, Channel.IN_APP)
                != Delivery.OFF;
        if (!claim(event, recipient, inApp, null, false, "account/informations.xhtml", "{}")) {
            return;
        }
        String masked = Addresses.mask(recipient.email());
        queue(event, recipient, event.id() + ".new", renderer.render(Topic.EMAIL_CHANGED.name(), recipient,
                recipient.email(), null, masked));
        links.emailChangeOf(event.subject(DomainEvent.LINK)).map(LinkMail::previousEmail).ifPresent(previous ->
                queue(event, recipient, event.id() + ".previous", renderer.render(Topic.EMAIL_CHANGED.name(),
                        recipient, previous, null, masked)));
    }

    /** Puts the mail in the outbox, in this transaction; the dispatch is woken once the transaction has committed. */
    private void queue(DomainEvent event, Recipient recipient, String reference, Mail mail) {
        if (outbox.queue(new OutgoingMail(reference, event.type(), recipient.accountId(), mail.to(),
                mail.senderName(), mail.locale().getLanguage(), mail.subject(), mail.text(), mail.html(),
                clock.instant()))) {
            dispatch.wakeAfterCommit();
        }
    }

    /**
     * A link's mail given up, written anew for an operator's replay: the account's open link of the event's kind
     * gets a fresh secret (the one the dead mail held stops working); empty when no link is open any more.
     */
    public Optional<Mail> rewriteLinkMail(long accountId, String eventType) {
        LinkPurpose purpose = switch (eventType) {
            case "USER_INVITED" -> LinkPurpose.INVITATION;
            case "PASSWORD_RESET_REQUESTED" -> LinkPurpose.PASSWORD_RESET;
            case "EMAIL_CHANGE_REQUESTED" -> LinkPurpose.EMAIL_CHANGE;
            default -> throw new IllegalArgumentException(eventType + " mails hold no link");
        };
        Recipient recipient = accounts.recipient(accountId);
        return links.reissueOpen(accountId, purpose).map(link -> switch (purpose) {
            case INVITATION -> renderer.render(eventType, recipient, recipient.email(),
                    linkUrl("invitation.xhtml", link, recipient), link.expiresAt());
            case PASSWORD_RESET -> renderer.render(eventType, recipient, recipient.email(),
                    linkUrl("password/reset.xhtml", link, recipient), link.expiresAt());
            case EMAIL_CHANGE -> link.newEmailOwner() != null
                    ? renderer.render("EMAIL_ADDRESS_IN_USE", link.newEmailOwner(), link.newEmail(), null)
                    : renderer.render(Topic.EMAIL_CHANGE_REQUESTED.name(), recipient, link.newEmail(),
                            linkUrl("email/confirm.xhtml", link, recipient), link.expiresAt());
        });
    }

    private Recipient recipientOf(DomainEvent event) {
        return accounts.recipient(event.subjectId(DomainEvent.ACCOUNT));
    }

    /** The link opens its page in the recipient's language. */
    private String linkUrl(String page, LinkMail link, Recipient recipient) {
        return renderer.page(page) + "?token=" + link.token() + "&lang=" + recipient.language().code();
    }
}
