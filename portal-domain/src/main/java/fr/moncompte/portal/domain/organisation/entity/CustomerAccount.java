package fr.moncompte.portal.domain.organisation.entity;

import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The contract holder that receives invoices (compte client). */
@Entity
@Table(name = "customer_account")
public class CustomerAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountKind kind;

    @ManyToMany
    @JoinTable(name = "customer_account_admin",
            joinColumns = @JoinColumn(name = "customer_account_id"),
            inverseJoinColumns = @JoinColumn(name = "user_account_id"))
    private Set<UserAccount> administrators = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The language its invoices and their mails are written in. */
    @Column(name = "billing_language", nullable = false)
    private Language billingLanguage;

    /** Where invoices are mailed, as the operator typed it when the customer was created (issue 21); may be absent. */
    @Column(name = "billing_email")
    private String billingEmail;

    /** When an operator closed it (issue 21), its last day, and when its people's data is erased. */
    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "last_day")
    private java.time.LocalDate lastDay;

    @Column(name = "anonymise_after")
    private java.time.LocalDate anonymiseAfter;

    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Column(name = "people_disabled_at")
    private Instant peopleDisabledAt;

    /** Every person of the account must sign in with a second factor (issue 20), as its administrators chose. */
    @Column(name = "second_factor_required", nullable = false)
    private boolean secondFactorRequired;

    @Version
    private long version;

    protected CustomerAccount() {
    }

    /** A new customer account, client or firm, with no administrator yet (Back-office › Clients, issue 21). */
    public CustomerAccount(String name, AccountKind kind, Language billingLanguage, String billingEmail,
                           Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.billingLanguage = billingLanguage;
        this.billingEmail = billingEmail;
        this.createdAt = createdAt;
    }

    public Language getBillingLanguage() {
        return billingLanguage;
    }

    public String getBillingEmail() {
        return billingEmail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Closed from {@code lastDay} on; its people's data is erased once {@code anonymiseAfter} has passed. */
    public void close(Instant when, java.time.LocalDate lastDay, java.time.LocalDate anonymiseAfter) {
        this.closedAt = when;
        this.lastDay = lastDay;
        this.anonymiseAfter = anonymiseAfter;
    }

    /** Its people's data was erased; the billing address goes with it. */
    public void anonymised(Instant when) {
        this.anonymisedAt = when;
        this.billingEmail = null;
    }

    /** Its people who belong nowhere else were disabled (the day after its last day). */
    public void peopleDisabled(Instant when) {
        this.peopleDisabledAt = when;
    }

    public Instant getPeopleDisabledAt() {
        return peopleDisabledAt;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public java.time.LocalDate getLastDay() {
        return lastDay;
    }

    public java.time.LocalDate getAnonymiseAfter() {
        return anonymiseAfter;
    }

    /** How the audit log keeps it. */
    public String describe() {
        return "name=" + name + ", kind=" + kind + ", billingLanguage=" + billingLanguage.code() + ", billingEmail="
                + billingEmail;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AccountKind getKind() {
        return kind;
    }

    public Set<UserAccount> getAdministrators() {
        return Set.copyOf(administrators);
    }

    public boolean isAdministeredBy(long userId) {
        return administrators.stream().anyMatch(admin -> admin.getId() == userId);
    }

    public boolean isSecondFactorRequired() {
        return secondFactorRequired;
    }

    public void setSecondFactorRequired(boolean required) {
        this.secondFactorRequired = required;
    }

    public void addAdministrator(UserAccount user) {
        administrators.add(user);
    }

    public void removeAdministrator(UserAccount user) {
        administrators.remove(user);
    }
}
