package fr.moncompte.portal.domain.signon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** An authorization code, kept as its SHA-256, bound to its sign-in, its redirect address and PKCE challenge. */
@Entity
@Table(name = "oidc_code")
public class AuthorizationCode {

    /** Codes live five minutes (issue 22) and work once. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "login_id", nullable = false)
    private SignOnLogin login;

    @Column(name = "redirect_uri", nullable = false)
    private String redirectUri;

    @Column(name = "code_challenge", nullable = false)
    private String codeChallenge;

    private String nonce;

    @Column(nullable = false)
    private String scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, SignOnLogin login, String redirectUri, String codeChallenge,
                             String nonce, String scope, Instant now) {
        this.codeHash = codeHash;
        this.login = login;
        this.redirectUri = redirectUri;
        this.codeChallenge = codeChallenge;
        this.nonce = nonce;
        this.scope = scope;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Spends the code; false when it was spent already. */
    public boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public SignOnLogin getLogin() {
        return login;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public String getCodeChallenge() {
        return codeChallenge;
    }

    public String getNonce() {
        return nonce;
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
