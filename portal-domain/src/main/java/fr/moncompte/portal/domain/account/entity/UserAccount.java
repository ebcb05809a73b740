package fr.moncompte.portal.domain.account.entity;

import fr.moncompte.portal.domain.SearchKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

@Entity
@Table(name = "user_account")
@SequenceGenerator(name = "domain_seq", sequenceName = "domain_seq", allocationSize = 50)
@NamedQuery(name = UserAccount.BY_EMAIL, query = "select a from UserAccount a where a.emailKey = :emailKey")
@NamedQuery(name = UserAccount.OPERATORS, query = "select count(a) from UserAccount a where a.operator = true")
public class UserAccount {

    public static final String BY_EMAIL = "UserAccount.byEmail";
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");
    /** How audit events name an account as their target. */
    public static final String AUDIT_TARGET = "USER_ACCOUNT";
    public static final String OPERATORS = "UserAccount.operators";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @Column(nullable = false)
    private String email;

    /** The e-mail lower-cased: logins are unique and compared without regard to case. */
    @Column(name = "email_key", nullable = false, unique = true)
    private String emailKey;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    /** {@link SearchKey}s of the names, for the list's search. */
    @Column(name = "last_name_key", nullable = false)
    private String lastNameKey;

    @Column(name = "first_name_key", nullable = false)
    private String firstNameKey;

    private String phone;

    @Column(nullable = false)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(nullable = false)
    private boolean operator;

    /** Set by repeated failed sign-ins (SPEC §4 rule 6); the account signs in again from then on. */
    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When an operator erased the person on request (issue 21): the row stays, none of their data does. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    /** A person an administrator invited: no password until they follow the invitation link. */
    public static UserAccount invited(String email, String firstName, String lastName, Language language,
                                      Instant now) {
        UserAccount account = new UserAccount();
        account.changeEmail(email);
        account.firstName = firstName;
        account.lastName = lastName;
        account.language = language;
        account.status = AccountStatus.INVITED;
        account.createdAt = now;
        return account;
    }

    /** The first operator of a new installation, invited as any person is (see {@code FirstOperator}). */
    public static UserAccount invitedOperator(String email, String firstName, String lastName, Language language,
                                              Instant now) {
        UserAccount account = invited(email, firstName, lastName, language, now);
        account.operator = true;
        return account;
    }

    @PrePersist
    @PreUpdate
    void keepSearchKeys() {
        lastNameKey = SearchKey.of(lastName);
        firstNameKey = SearchKey.of(firstName);
    }

    /**
     * The address as accounts are looked up by. Control characters (a NUL typed into the sign-in form) become
     * U+FFFD: such a key matches no account, and PostgreSQL, which refuses a NUL, can compare and store it.
     */
    public static String emailKey(String email) {
        return email == null ? "" : CONTROLS.matcher(email.trim().toLowerCase(Locale.ROOT)).replaceAll("\uFFFD");
    }

    public void changePassword(String newHash, Instant when) {
        this.passwordHash = newHash;
        this.passwordChangedAt = when;
    }

    /** The login changes with the address: both are kept, the key lower-cased for uniqueness. */
    public void changeEmail(String email) {
        this.email = email;
        this.emailKey = emailKey(email);
    }

    /** An invited person chose their first password: the account is active from now on. */
    public void activate(String passwordHash, Instant when) {
        changePassword(passwordHash, when);
        this.status = AccountStatus.ACTIVE;
    }

    /** Signs in no more (SPEC §3 "Utilisateurs"); the data and access stay, for a later re-enabling. */
    public void disable() {
        this.status = AccountStatus.DISABLED;
    }

    /**
     * Erases the person's data from the row (GDPR art. 17, issue 21): a placeholder address no one can own (the
     * {@code .invalid} domain), neutral names, no phone, no password, disabled for good.
     */
    public void erase(Instant when) {
        changeEmail("erased-" + id + "@erased.invalid");
        this.firstName = "-";
        this.lastName = "-";
        this.phone = null;
        this.passwordHash = null;
        this.passwordChangedAt = null;
        this.lockedUntil = null;
        this.status = AccountStatus.DISABLED;
        this.erasedAt = when;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    /** Back to where the person stood: active with a password, invited without one. */
    public void enable() {
        this.status = passwordHash == null ? AccountStatus.INVITED : AccountStatus.ACTIVE;
    }

    /** A password reset proves the owner: a lock set by someone guessing the old password no longer applies. */
    public void unlock() {
        this.lockedUntil = null;
    }

    public void changePhone(String phone) {
        this.phone = phone;
    }

    public void changeLanguage(Language language) {
        this.language = language;
    }

    public boolean canSignIn(Instant now) {
        return status == AccountStatus.ACTIVE && passwordHash != null && !isLockedAt(now);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public void lockUntil(Instant until) {
        this.lockedUntil = until;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPhone() {
        return phone;
    }

    public Language getLanguage() {
        return language;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isOperator() {
        return operator;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
