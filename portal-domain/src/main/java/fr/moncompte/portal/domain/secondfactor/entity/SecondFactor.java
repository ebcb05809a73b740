package fr.moncompte.portal.domain.secondfactor.entity;

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
 * A second factor of one account. An authenticator app keeps its secret sealed ({@code SecretSealing}) and the last
 * step a code of it was accepted for: a code is taken once, and never one of an earlier step. A passkey keeps its
 * credential id, its public key and the signature counter its authenticator last reported. Neither signs in anybody
 * until confirmed: an app by a first code, a passkey by the authenticator's answer to the challenge it was sent.
 */
@Entity
@Table(name = "second_factor")
@NamedQuery(name = SecondFactor.CONFIRMED_OF_ACCOUNT, query = """
        select f from SecondFactor f where f.accountId = :accountId and f.confirmedAt is not null
        order by f.createdAt, f.id""")
@NamedQuery(name = SecondFactor.CONFIRMED_COUNT, query = """
        select count(f) from SecondFactor f where f.accountId = :accountId and f.confirmedAt is not null""")
@NamedQuery(name = SecondFactor.UNCONFIRMED_OF_ACCOUNT, query = """
        select f from SecondFactor f where f.accountId = :accountId and f.confirmedAt is null""")
@NamedQuery(name = SecondFactor.PASSKEYS_OF_ACCOUNT, query = """
        select f from SecondFactor f where f.accountId = :accountId and f.kind = :kind and f.confirmedAt is not null""")
@NamedQuery(name = SecondFactor.BY_CREDENTIAL, query = """
        select f from SecondFactor f where f.credentialId = :credentialId and f.confirmedAt is not null""")
public class SecondFactor {

    public static final String CONFIRMED_OF_ACCOUNT = "SecondFactor.confirmedOfAccount";
    public static final String CONFIRMED_COUNT = "SecondFactor.confirmedCount";
    public static final String UNCONFIRMED_OF_ACCOUNT = "SecondFactor.unconfirmedOfAccount";
    public static final String PASSKEYS_OF_ACCOUNT = "SecondFactor.passkeysOfAccount";
    public static final String BY_CREDENTIAL = "SecondFactor.byCredential";

    /** The kinds of factor: an authenticator app, or a passkey (WebAuthn). */
    public enum Kind { TOTP, PASSKEY }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_sealed")
    private String secretSealed;

    @Column(name = "last_used_step", nullable = false)
    private long lastUsedStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** A passkey's credential id, base64url. */
    @Column(name = "credential_id")
    private String credentialId;

    /** A passkey's public key, COSE, base64url. */
    @Column(name = "public_key_cose")
    private String publicKeyCose;

    @Column(name = "signature_count")
    private Long signatureCount;

    /** How the browser may reach the passkey's authenticator (usb, internal, hybrid...), comma-separated. */
    @Column(name = "transports")
    private String transports;

    /** While a passkey is being added: the creation options sent to the browser, the library's JSON. */
    @Column(name = "pending_request")
    private String pendingRequest;

    @Version
    private long version;

    protected SecondFactor() {
    }

    /** An authenticator app being added: its secret sealed, not confirmed yet. */
    public static SecondFactor authenticatorApp(long accountId, String secretSealed, Instant now) {
        SecondFactor factor = new SecondFactor();
        factor.id = UUID.randomUUID().toString();
        factor.accountId = accountId;
        factor.kind = Kind.TOTP;
        factor.name = "";
        factor.secretSealed = secretSealed;
        factor.createdAt = now;
        return factor;
    }

    /** A passkey being added: the challenge sent to the browser kept until its answer comes back. */
    public static SecondFactor passkey(long accountId, String pendingRequest, Instant now) {
        SecondFactor factor = new SecondFactor();
        factor.id = UUID.randomUUID().toString();
        factor.accountId = accountId;
        factor.kind = Kind.PASSKEY;
        factor.name = "";
        factor.pendingRequest = pendingRequest;
        factor.createdAt = now;
        return factor;
    }

    /** The authenticator answered the challenge: the passkey signs in from now on. */
    public void confirmPasskey(String name, String credentialId, String publicKeyCose, long signatureCount,
                               String transports, Instant now) {
        this.name = name;
        this.credentialId = credentialId;
        this.publicKeyCose = publicKeyCose;
        this.signatureCount = signatureCount;
        this.transports = transports;
        this.pendingRequest = null;
        this.confirmedAt = now;
    }

    /** A passkey signed a challenge; its authenticator now counts {@code signatureCount}. */
    public void signed(long signatureCount, Instant now) {
        this.signatureCount = signatureCount;
        this.lastUsedAt = now;
    }

    /** Confirmed by a first code, of {@code step}: it signs in from now on, with codes of later steps. */
    public void confirm(String name, long step, Instant now) {
        this.name = name;
        this.confirmedAt = now;
        used(step, now);
    }

    public void used(long step, Instant now) {
        this.lastUsedStep = step;
        this.lastUsedAt = now;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public String getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getSecretSealed() {
        return secretSealed;
    }

    public long getLastUsedStep() {
        return lastUsedStep;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getPublicKeyCose() {
        return publicKeyCose;
    }

    public long getSignatureCount() {
        return signatureCount == null ? 0 : signatureCount;
    }

    public String getTransports() {
        return transports;
    }

    public String getPendingRequest() {
        return pendingRequest;
    }
}
