package fr.moncompte.portal.notifications.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A rendered mail in the outbox: queued in the transaction that consumed its event, sent after it by the dispatch,
 * retried with back-off while the SMTP server fails, then {@link MailState#DEAD} until an operator replays it.
 */
@Entity
@Table(name = "ntf_mail")
@SequenceGenerator(name = "ntf_mail_seq", sequenceName = "ntf_mail_seq", allocationSize = 50)
public class OutgoingMail {

    /** Longest error text kept; the rest of a server's answer says nothing more useful. */
    static final int ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ntf_mail_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "account_id", updatable = false)
    private Long accountId;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(name = "sender_name", nullable = false, updatable = false)
    private String senderName;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "text_body")
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "queued_at", nullable = false, updatable = false)
    private Instant queuedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutgoingMail() {
    }

    public OutgoingMail(String reference, String eventType, Long accountId, String recipient, String senderName,
                        String language, String subject, String textBody, String htmlBody, Instant now) {
        this.reference = reference;
        this.eventType = eventType;
        this.accountId = accountId;
        this.recipient = recipient;
        this.senderName = senderName;
        this.language = language;
        this.subject = subject;
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.state = MailState.PENDING;
        this.nextAttemptAt = now;
        this.queuedAt = now;
    }

    /**
     * Not sent this time: tried again after {@code delay}, or dead when this was the last try.
     *
     * @return whether the mail is now dead
     */
    public boolean failed(String error, Instant now, Duration delay, int maxAttempts) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
        release();
        if (attempts >= maxAttempts) {
            state = MailState.DEAD;
            return true;
        }
        nextAttemptAt = now.plus(delay);
        return false;
    }

    /** The events whose mail carries a one-time link (the e-mail change's to its new address only). */
    static final Set<String> LINK_EVENTS = Set.of("USER_INVITED", "PASSWORD_RESET_REQUESTED", "EMAIL_CHANGE_REQUESTED");

    /**
     * Whether this mail carries a one-time link's secret: its bodies then live no longer than needed (forgotten once
     * sent, or given up), and a replay writes it again with a fresh secret.
     */
    public boolean holdsLink() {
        return LINK_EVENTS.contains(eventType) && !reference.endsWith(".current") && !reference.endsWith(".previous");
    }

    /** Given up: a link's secret is not kept at rest in a mail nobody will send. */
    public void forgetBodies() {
        textBody = null;
        htmlBody = null;
    }

    /** An operator's replay of a dead mail holding a link: written anew (a fresh secret), then tried from now. */
    public void replayWith(String to, String subject, String text, String html, Instant now) {
        if (state != MailState.DEAD) {
            return;
        }
        this.recipient = to;
        this.subject = subject;
        this.textBody = text;
        this.htmlBody = html;
        replay(now);
    }

    /** An operator's replay of a dead mail: a fresh series of tries, from now. */
    public void replay(Instant now) {
        if (state != MailState.DEAD) {
            return;
        }
        state = MailState.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    private void release() {
        claimedBy = null;
        claimedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getEventType() {
        return eventType;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getLanguage() {
        return language;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public MailState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
