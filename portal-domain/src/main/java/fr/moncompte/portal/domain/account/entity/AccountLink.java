package fr.moncompte.portal.domain.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time link sent to an account by e-mail. The link's secret exists only in the mail: this record keeps its
 * SHA-256, set when the mail is written. Used once, it is spent; a newer link of the same purpose cancels it.
 */
@Entity
@Table(name = "account_link")
@NamedQuery(name = AccountLink.OPEN_OF_ACCOUNT, query = """
        select l from AccountLink l where l.accountId = :accountId and l.purpose = :purpose
        and l.usedAt is null and l.cancelledAt is null and l.expiresAt > :now order by l.createdAt desc""")
@NamedQuery(name = AccountLink.CREATED_SINCE, query = """
        select count(l) from AccountLink l where l.accountId = :accountId and l.purpose = :purpose
        and l.createdAt > :since""")
public class AccountLink {

    public static final String OPEN_OF_ACCOUNT = "AccountLink.openOfAccount";
    public static final String CREATED_SINCE = "AccountLink.createdSince";

    /** How a link stands when someone opens it. */
    public enum State { VALID, USED, EXPIRED }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkPurpose purpose;

    @Column(name = "new_email")
    private String newEmail;

    @Column(name = "previous_email")
    private String previousEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Version
    private long version;

    protected AccountLink() {
    }

    private AccountLink(long accountId, LinkPurpose purpose, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.purpose = purpose;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.validity());
    }

    public static AccountLink invitation(long accountId, Instant now) {
        return new AccountLink(accountId, LinkPurpose.INVITATION, now);
    }

    public static AccountLink passwordReset(long accountId, Instant now) {
        return new AccountLink(accountId, LinkPurpose.PASSWORD_RESET, now);
    }

    public static AccountLink emailChange(long accountId, String previousEmail, String newEmail, Instant now) {
        AccountLink link = new AccountLink(accountId, LinkPurpose.EMAIL_CHANGE, now);
        link.previousEmail = previousEmail;
        link.newEmail = newEmail;
        return link;
    }

    /** Spent links (used or cancelled by a newer one) say "used"; then time decides. */
    public State stateAt(Instant now) {
        if (usedAt != null || cancelledAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.VALID : State.EXPIRED;
    }

    /** Keeps the hash of the secret the mail carries; a link gets one secret, which a later mail replaces. */
    public void useSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public void markUsed(Instant now) {
        this.usedAt = now;
    }

    public void cancel(Instant now) {
        if (usedAt == null && cancelledAt == null) {
            this.cancelledAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public LinkPurpose getPurpose() {
        return purpose;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public String getPreviousEmail() {
        return previousEmail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getSecretHash() {
        return secretHash;
    }
}
