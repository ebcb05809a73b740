package fr.moncompte.portal.domain.signon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A refresh token, kept as its SHA-256: it works once, is replaced by the next, and dies with its sign-in. */
@Entity
@Table(name = "oidc_refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "login_id", nullable = false)
    private SignOnLogin login;

    @Column(nullable = false)
    private String scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, SignOnLogin login, String scope, Instant now) {
        this.tokenHash = tokenHash;
        this.login = login;
        this.scope = scope;
        this.createdAt = now;
        this.expiresAt = login.getStartedAt().plus(SignOnLogin.LIFETIME);
    }

    /** Spends the token; false when it was spent already. */
    public boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public SignOnLogin getLogin() {
        return login;
    }

    public String getScope() {
        return scope;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
