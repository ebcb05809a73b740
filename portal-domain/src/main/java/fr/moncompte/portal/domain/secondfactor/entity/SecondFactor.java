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
 * step a code of it was accepted for: a code is taken once, and never one of an earlier step. It signs in nobody
 * until a first code confirmed it.
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
public class SecondFactor {

    public static final String CONFIRMED_OF_ACCOUNT = "SecondFactor.confirmedOfAccount";
    public static final String CONFIRMED_COUNT = "SecondFactor.confirmedCount";
    public static final String UNCONFIRMED_OF_ACCOUNT = "SecondFactor.unconfirmedOfAccount";

    /** The kinds of factor; passkeys come next. */
    public enum Kind { TOTP }

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
}
