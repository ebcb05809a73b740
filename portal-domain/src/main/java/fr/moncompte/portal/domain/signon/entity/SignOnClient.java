package fr.moncompte.portal.domain.signon.entity;

import fr.moncompte.portal.domain.catalogue.entity.Application;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The OpenID Connect client of one catalogue application: how it authenticates at the token endpoint, where codes
 * and logouts may be sent. The secret is kept as its SHA-256 only: it is shown once, when made.
 */
@Entity
@Table(name = "oidc_client")
public class SignOnClient {

    /** How the client proves who it is at the token endpoint (RFC 6749 §2.3, OIDC Core §9). */
    public enum AuthMethod {
        CLIENT_SECRET_BASIC("client_secret_basic"),
        CLIENT_SECRET_POST("client_secret_post"),
        PRIVATE_KEY_JWT("private_key_jwt");

        private final String value;

        AuthMethod(String value) {
            this.value = value;
        }

        /** The name the protocol gives it. */
        public String value() {
            return value;
        }

        public static AuthMethod of(String value) {
            return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(value));
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @Column(name = "client_id", nullable = false, unique = true)
    private String clientId;

    @OneToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false, unique = true)
    private Application application;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "secret_set_at")
    private Instant secretSetAt;

    @Column(name = "auth_method", nullable = false)
    private String authMethod;

    @Column(name = "jwks")
    private String jwks;

    @Column(name = "redirect_uris", nullable = false)
    private String redirectUris;

    @Column(name = "post_logout_redirect_uris")
    private String postLogoutRedirectUris;

    @Column(name = "backchannel_logout_uri")
    private String backchannelLogoutUri;

    @Column(name = "initiate_login_uri")
    private String initiateLoginUri;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected SignOnClient() {
    }

    public SignOnClient(String clientId, Application application, ClientSettings settings, Instant now) {
        this.clientId = clientId;
        this.application = application;
        this.createdAt = now;
        change(settings);
    }

    public void change(ClientSettings settings) {
        this.authMethod = settings.authMethod().value();
        this.jwks = settings.jwks();
        this.redirectUris = String.join("\n", settings.redirectUris());
        this.postLogoutRedirectUris = settings.postLogoutRedirectUris().isEmpty() ? null
                : String.join("\n", settings.postLogoutRedirectUris());
        this.backchannelLogoutUri = settings.backchannelLogoutUri();
        this.initiateLoginUri = settings.initiateLoginUri();
    }

    public void newSecret(String hash, Instant now) {
        this.secretHash = hash;
        this.secretSetAt = now;
    }

    public ClientSettings settings() {
        return new ClientSettings(getAuthMethod(), lines(redirectUris), lines(postLogoutRedirectUris),
                backchannelLogoutUri, initiateLoginUri, jwks);
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }

    public Long getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public Application getApplication() {
        return application;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Instant getSecretSetAt() {
        return secretSetAt;
    }

    public AuthMethod getAuthMethod() {
        return AuthMethod.of(authMethod);
    }

    public String getJwks() {
        return jwks;
    }

    public List<String> getRedirectUris() {
        return lines(redirectUris);
    }

    public List<String> getPostLogoutRedirectUris() {
        return lines(postLogoutRedirectUris);
    }

    public String getBackchannelLogoutUri() {
        return backchannelLogoutUri;
    }

    public String getInitiateLoginUri() {
        return initiateLoginUri;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
