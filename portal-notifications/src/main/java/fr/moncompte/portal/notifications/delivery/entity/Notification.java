package fr.moncompte.portal.notifications.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What one person was told of one event: the idempotency key of the delivery (one per event and recipient) and,
 * when the in-app channel was on, an entry of their inbox. Its text is written when shown, in the reader's language,
 * from the event type and the facts kept here.
 */
@Entity
@Table(name = "ntf_notification")
@SequenceGenerator(name = "ntf_seq", sequenceName = "ntf_seq", allocationSize = 50)
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ntf_seq")
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "in_app", nullable = false, updatable = false)
    private boolean inApp;

    @Column(updatable = false)
    private String link;

    @Column(nullable = false, updatable = false)
    private String facts;

    @Column(name = "read_at")
    private Instant readAt;

    /** Waiting for the next digest mail, until {@link #digestedAt}. */
    @Column(name = "mail_digest", nullable = false, updatable = false)
    private boolean mailDigest;

    @Column(name = "digested_at")
    private Instant digestedAt;

    /** Shown in the inbox from then on (the in-app digest); null: at once. */
    @Column(name = "shown_from", updatable = false)
    private Instant shownFrom;

    protected Notification() {
    }

    public Notification(String eventId, long accountId, String eventType, Instant occurredAt, boolean inApp,
                        Instant shownFrom, boolean mailDigest, String link, String facts) {
        this.eventId = eventId;
        this.accountId = accountId;
        this.eventType = eventType;
        this.occurredAt = occurredAt;
        this.inApp = inApp;
        this.shownFrom = shownFrom;
        this.mailDigest = mailDigest;
        this.link = link;
        this.facts = facts;
    }

    /** Told in today's digest mail. */
    public void digested(Instant now) {
        digestedAt = now;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getEventId() {
        return eventId;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getEventType() {
        return eventType;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public boolean isInApp() {
        return inApp;
    }

    public String getLink() {
        return link;
    }

    public String getFacts() {
        return facts;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isMailDigest() {
        return mailDigest;
    }

    public Instant getDigestedAt() {
        return digestedAt;
    }

    public Instant getShownFrom() {
        return shownFrom;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
