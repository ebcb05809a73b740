package fr.moncompte.portal.domain.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** One signed-in browser session of an account; ending it signs that browser out at its next request. */
@Entity
@Table(name = "user_session")
@NamedQuery(name = UserSession.ACTIVE_OF_ACCOUNT, query = """
        select s from UserSession s where s.accountId = :accountId and s.endedAt is null order by s.lastSeenAt desc""")
public class UserSession {

    public static final String ACTIVE_OF_ACCOUNT = "UserSession.activeOfAccount";
    /** How often the last-seen time is written: more often would write on every click. */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "source_address")
    private String sourceAddress;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected UserSession() {
    }

    public UserSession(String id, Long accountId, Instant startedAt, String sourceAddress, String userAgent) {
        this.id = id;
        this.accountId = accountId;
        this.startedAt = startedAt;
        this.lastSeenAt = startedAt;
        this.sourceAddress = sourceAddress;
        this.userAgent = userAgent == null || userAgent.length() <= 255 ? userAgent : userAgent.substring(0, 255);
    }

    public boolean isActive() {
        return endedAt == null;
    }

    /** Notes activity; true when it was worth writing. */
    public boolean seen(Instant now) {
        if (Duration.between(lastSeenAt, now).compareTo(LAST_SEEN_PRECISION) < 0) {
            return false;
        }
        lastSeenAt = now;
        return true;
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
