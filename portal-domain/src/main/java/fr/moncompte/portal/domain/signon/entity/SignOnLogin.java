package fr.moncompte.portal.domain.signon.entity;

import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A person signed in to one application, for one company, from one portal session. Its {@code sid} is what the ID
 * and logout tokens carry; its end signs the person out of the application (back-channel logout) and its refresh
 * tokens stop working.
 */
@Entity
@Table(name = "oidc_login")
public class SignOnLogin {

    /**
     * However it is refreshed, an application's sign-in lasts no longer than a portal session may (12 hours): then
     * the person signs in again, with their second factor.
     */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** Why a sign-in ended. */
    public enum EndReason {
        /** The portal session it came from was ended: sign-out, "Sécurité", an application's logout. */
        SESSION_ENDED,
        /** The password changed after it began. */
        PASSWORD_CHANGED,
        /** The account is no longer active (disabled, erased). */
        ACCOUNT_UNAVAILABLE,
        /** The access to the application on that company was revoked. */
        ACCESS_REVOKED,
        /** An authorization code or a refresh token was presented a second time: whoever holds them is not trusted. */
        TOKEN_REPLAYED,
        /** Its 12 hours are over. */
        EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    private SignOnClient client;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(nullable = false)
    private String sid;

    @Column(name = "auth_time", nullable = false)
    private Instant authTime;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "logout_sent_at")
    private Instant logoutSentAt;

    @Column(name = "logout_tried_at")
    private Instant logoutTriedAt;

    @Column(name = "logout_attempts", nullable = false)
    private int logoutAttempts;

    protected SignOnLogin() {
    }

    public SignOnLogin(SignOnClient client, long accountId, Company company, String sessionId, String sid,
                       Instant authTime, Instant now) {
        this.client = client;
        this.accountId = accountId;
        this.company = company;
        this.sessionId = sessionId;
        this.sid = sid;
        this.authTime = authTime;
        this.startedAt = now;
    }

    /** Ends the sign-in; false when it had ended already. */
    public boolean end(Instant now, EndReason reason) {
        if (endedAt != null) {
            return false;
        }
        endedAt = now;
        endReason = reason.name();
        return true;
    }

    /** A back-channel logout is about to be tried. */
    public void logoutTried(Instant now) {
        logoutTriedAt = now;
        logoutAttempts++;
    }

    public void logoutSent(Instant now) {
        logoutSentAt = now;
    }

    public Instant getLogoutTriedAt() {
        return logoutTriedAt;
    }

    public Long getId() {
        return id;
    }

    public SignOnClient getClient() {
        return client;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Company getCompany() {
        return company;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getSid() {
        return sid;
    }

    public Instant getAuthTime() {
        return authTime;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public EndReason getEndReason() {
        return endReason == null ? null : EndReason.valueOf(endReason);
    }

    public Instant getLogoutSentAt() {
        return logoutSentAt;
    }

    public int getLogoutAttempts() {
        return logoutAttempts;
    }
}
