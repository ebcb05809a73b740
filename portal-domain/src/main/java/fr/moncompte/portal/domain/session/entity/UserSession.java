package fr.moncompte.portal.domain.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** One signed-in browser session of an account; ending it signs that browser out at its next request. */
@Entity
@Table(name = "user_session")
@NamedQuery(name = UserSession.ACTIVE_OF_ACCOUNT, query = """
        select s from UserSession s where s.accountId = :accountId and s.endedAt is null
        and s.startedAt > :startedAfter and s.lastSeenAt > :seenAfter order by s.lastSeenAt desc""")
@NamedQuery(name = UserSession.NOT_ENDED_OF_ACCOUNT, query = """
        select s from UserSession s where s.accountId = :accountId and s.endedAt is null""")
@NamedQuery(name = UserSession.ACTIVE_COUNT, query = """
        select count(s) from UserSession s where s.endedAt is null
        and s.startedAt > :startedAfter and s.lastSeenAt > :seenAfter""")
public class UserSession {

    public static final String ACTIVE_OF_ACCOUNT = "UserSession.activeOfAccount";
    public static final String ACTIVE_COUNT = "UserSession.activeCount";
    public static final String NOT_ENDED_OF_ACCOUNT = "UserSession.notEndedOfAccount";
    /** How often the last-seen time is written: more often would write on every click. */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);
    /** A session idle this long is over (ASVS 3.3.2); the HTTP session times out at the same moment. */
    public static final Duration IDLE_LIMIT = Duration.ofMinutes(30);
    /** However active, a session is over this long after sign-in (ASVS 3.3.4); the person signs in again. */
    public static final Duration ABSOLUTE_LIMIT = Duration.ofHours(12);

    /** Where a session stands at a request. */
    public enum State { ACTIVE, ENDED, IDLE, EXPIRED }

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

    /** Ended by itself (idle, past 12 hours, the server's HTTP session gone), not by anyone's act. */
    @Column(nullable = false)
    private boolean lapsed;

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

    /**
     * Ended (from "Sécurité", by a password change or sign-out) wins; then the 12-hour limit; then idleness, judged
     * with the last-seen time's own precision so that a session written a minute ago is never taken for idle.
     */
    public State stateAt(Instant now) {
        if (endedAt != null) {
            return State.ENDED;
        }
        if (!now.isBefore(startedAt.plus(ABSOLUTE_LIMIT))) {
            return State.EXPIRED;
        }
        if (!now.isBefore(lastSeenAt.plus(IDLE_LIMIT).plus(LAST_SEEN_PRECISION))) {
            return State.IDLE;
        }
        return State.ACTIVE;
    }

    /** The bounds the query {@link #ACTIVE_OF_ACCOUNT} takes, so that it lists what {@link #stateAt} calls active. */
    public static Instant startedAfter(Instant now) {
        return now.minus(ABSOLUTE_LIMIT);
    }

    public static Instant seenAfter(Instant now) {
        return now.minus(IDLE_LIMIT).minus(LAST_SEEN_PRECISION);
    }

    /** Notes activity; true when it was worth writing. */
    public boolean seen(Instant now) {
        if (Duration.between(lastSeenAt, now).compareTo(LAST_SEEN_PRECISION) < 0) {
            return false;
        }
        lastSeenAt = now;
        return true;
    }

    /** Ended on purpose: sign-out, "Sécurité", a password change, the account disabled. */
    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    /**
     * Ended by itself: idle, past its 12 hours, or its HTTP session gone with a server. Unlike {@link #end}, the
     * applications signed in from it stay signed in (issue 22): nobody asked to sign out.
     */
    public void lapse(Instant now) {
        if (endedAt == null) {
            endedAt = now;
            lapsed = true;
        }
    }

    public boolean isLapsed() {
        return lapsed;
    }

    public String getId() {
        return id;
    }

    /**
     * What names the session outside the server (the API's session list): a digest of its id, from which the id
     * cannot be worked out, so that the id itself never leaves the server.
     */
    public String handle() {
        return handleOf(id);
    }

    /** The handle of the session with this id: what "Sécurité", the API and single sign-on's {@code sid} name it by. */
    public static String handleOf(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
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
