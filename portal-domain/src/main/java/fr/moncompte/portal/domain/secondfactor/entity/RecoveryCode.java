package fr.moncompte.portal.domain.secondfactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One recovery code of an account, as its SHA-256; used once. */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = RecoveryCode.UNUSED_OF_ACCOUNT, query = """
        select c from RecoveryCode c where c.accountId = :accountId and c.usedAt is null""")
@NamedQuery(name = RecoveryCode.DELETE_OF_ACCOUNT, query = """
        delete from RecoveryCode c where c.accountId = :accountId""")
public class RecoveryCode {

    public static final String UNUSED_OF_ACCOUNT = "RecoveryCode.unusedOfAccount";
    public static final String DELETE_OF_ACCOUNT = "RecoveryCode.deleteOfAccount";

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(long accountId, String codeHash, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.codeHash = codeHash;
        this.createdAt = now;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public String getCodeHash() {
        return codeHash;
    }
}
