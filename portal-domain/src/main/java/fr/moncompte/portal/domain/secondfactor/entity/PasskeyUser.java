package fr.moncompte.portal.domain.secondfactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A person's WebAuthn user handle: 32 random bytes (base64url), made at their first passkey, the same for every other
 * one. A passkey used alone hands it back, which says whose passkey it is; it says nothing else about the person.
 */
@Entity
@Table(name = "passkey_user")
@NamedQuery(name = PasskeyUser.BY_HANDLE, query = "select u from PasskeyUser u where u.handle = :handle")
public class PasskeyUser {

    public static final String BY_HANDLE = "PasskeyUser.byHandle";

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(nullable = false, unique = true)
    private String handle;

    protected PasskeyUser() {
    }

    public PasskeyUser(long accountId, String handle) {
        this.accountId = accountId;
        this.handle = handle;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getHandle() {
        return handle;
    }
}
