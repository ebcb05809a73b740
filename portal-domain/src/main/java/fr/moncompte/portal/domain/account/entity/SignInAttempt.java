package fr.moncompte.portal.domain.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One try to sign in, kept whether it succeeded or not (the account is absent when the e-mail is unknown). */
@Entity
@Table(name = "sign_in_attempt")
@NamedQuery(name = SignInAttempt.FAILURES_SINCE, query = """
        select count(a) from SignInAttempt a
        where a.accountId = :accountId and a.succeeded = false and a.occurredAt > :since""")
@NamedQuery(name = SignInAttempt.FAILURES_OF_KEY_SINCE, query = """
        select count(a) from SignInAttempt a
        where a.emailKey = :emailKey and a.succeeded = false and a.occurredAt > :since""")
// The latest success as an entity, not max(occurredAt): an aggregate bypasses the attribute's converter, and
// PostgreSQL's driver then hands over a Timestamp where H2's hands over an OffsetDateTime.
@NamedQuery(name = SignInAttempt.LAST_SUCCESS, query = """
        select a from SignInAttempt a where a.accountId = :accountId and a.succeeded = true
        order by a.occurredAt desc""")
public class SignInAttempt {

    public static final String FAILURES_SINCE = "SignInAttempt.failuresSince";
    public static final String FAILURES_OF_KEY_SINCE = "SignInAttempt.failuresOfKeySince";
    public static final String LAST_SUCCESS = "SignInAttempt.lastSuccess";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "email_key", nullable = false)
    private String emailKey;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(name = "source_address")
    private String sourceAddress;

    @Column(name = "user_agent")
    private String userAgent;

    protected SignInAttempt() {
    }

    public SignInAttempt(Long accountId, String emailKey, Instant occurredAt, boolean succeeded, String sourceAddress,
                         String userAgent) {
        this.accountId = accountId;
        this.emailKey = emailKey.length() > 254 ? emailKey.substring(0, 254) : emailKey;
        this.occurredAt = occurredAt;
        this.succeeded = succeeded;
        this.sourceAddress = sourceAddress;
        this.userAgent = userAgent == null || userAgent.length() <= 255 ? userAgent : userAgent.substring(0, 255);
    }

    /** The password matched: the attempt, written down as a failure before it was checked, was a success. */
    public void succeeded() {
        this.succeeded = true;
    }

    /**
     * A password that waited for its second step (issue 20), completed by a code accepted at {@code now}: the sign-in
     * happened then, and the failures before it (wrong codes included) no longer count.
     */
    public void succeededAt(Instant now) {
        this.succeeded = true;
        this.occurredAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public boolean isSucceeded() {
        return succeeded;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }
}
