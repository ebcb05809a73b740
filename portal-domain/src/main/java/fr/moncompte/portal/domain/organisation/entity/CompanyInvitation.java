package fr.moncompte.portal.domain.organisation.entity;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An existing person asked to join a company by one of its administrators (issue 19): it waits for the person's answer
 * for {@link #VALIDITY}. Nothing in it is secret; the person answers signed in, in Mon compte. The membership and the
 * access asked for are made when they accept.
 */
@Entity
@Table(name = "company_invitation")
@NamedQuery(name = CompanyInvitation.OPEN_OF_ACCOUNT, query = """
        select i from CompanyInvitation i join fetch i.company join fetch i.invitedBy
        where i.accountId = :accountId and i.outcome is null and i.expiresAt > :now order by i.createdAt, i.id""")
@NamedQuery(name = CompanyInvitation.OPEN_OF_ACCOUNT_ON_COMPANY, query = """
        select i from CompanyInvitation i where i.accountId = :accountId and i.company.id = :companyId
        and i.outcome is null and i.expiresAt > :now""")
@NamedQuery(name = CompanyInvitation.DECLINED_SINCE, query = """
        select i from CompanyInvitation i where i.accountId = :accountId and i.company.id = :companyId
        and i.outcome = :declined and i.answeredAt > :since""")
public class CompanyInvitation {

    public static final String OPEN_OF_ACCOUNT = "CompanyInvitation.openOfAccount";
    public static final String OPEN_OF_ACCOUNT_ON_COMPANY = "CompanyInvitation.openOfAccountOnCompany";
    public static final String DECLINED_SINCE = "CompanyInvitation.declinedSince";

    /** As long as an invitation to set a first password. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    /** How an invitation ended. */
    public enum Outcome { ACCEPTED, DECLINED, CANCELLED }

    /** How an invitation stands when its person answers. */
    public enum State { OPEN, ANSWERED, REPLACED, EXPIRED }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private Company company;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invited_by")
    private UserAccount invitedBy;

    @Column(nullable = false)
    private boolean administrator;

    /** The application codes asked for, separated by commas, in order. */
    @Column(nullable = false)
    private String applications;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Version
    private long version;

    protected CompanyInvitation() {
    }

    public CompanyInvitation(long accountId, Company company, UserAccount invitedBy, boolean administrator,
                             Set<String> applications, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.company = company;
        this.invitedBy = invitedBy;
        this.administrator = administrator;
        this.applications = String.join(",", new TreeSet<>(applications));
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    public State stateAt(Instant now) {
        if (outcome == Outcome.CANCELLED) {
            return State.REPLACED;
        }
        if (outcome != null) {
            return State.ANSWERED;
        }
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }

    public void answer(Outcome answer, Instant now) {
        if (outcome == null) {
            this.outcome = answer;
            this.answeredAt = now;
        }
    }

    public String getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public Company getCompany() {
        return company;
    }

    public UserAccount getInvitedBy() {
        return invitedBy;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public SortedSet<String> getApplications() {
        return applications.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(applications.split(",")));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
