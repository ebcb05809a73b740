package fr.moncompte.portal.domain.access.entity;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's access to one application on one company. Revoking stamps it; the row stays as history. */
@Entity
@Table(name = "access_grant")
@NamedQuery(name = AccessGrant.CURRENT_OF_USER, query = """
        select g from AccessGrant g
        where g.user.id = :userId and g.revokedAt is null
        order by g.company.legalName, g.application.code""")
@NamedQuery(name = AccessGrant.CURRENT_OF_USER_ON_COMPANY, query = """
        select g from AccessGrant g join fetch g.application
        where g.user.id = :userId and g.company.id = :companyId and g.revokedAt is null""")
public class AccessGrant {

    public static final String CURRENT_OF_USER = "AccessGrant.currentOfUser";
    public static final String CURRENT_OF_USER_ON_COMPANY = "AccessGrant.currentOfUserOnCompany";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_account_id", nullable = false)
    private UserAccount user;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(name = "granted_by")
    private Long grantedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "revoked_by")
    private Long revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccessGrant() {
    }

    public AccessGrant(UserAccount user, Company company, Application application, Long grantedBy, Instant grantedAt) {
        this.user = user;
        this.company = company;
        this.application = application;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    /** The access ends; the row stays, with who ended it and when (SPEC §2: revoking keeps the history). */
    public void revoke(Long revokedBy, Instant revokedAt) {
        this.revokedBy = revokedBy;
        this.revokedAt = revokedAt;
    }

    public boolean isCurrent() {
        return revokedAt == null;
    }

    /** How the audit log and events name the access: the company and the application's code. */
    public String describe() {
        return "company=" + company.getId() + ", application=" + application.getCode();
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public Company getCompany() {
        return company;
    }

    public Application getApplication() {
        return application;
    }

    public Long getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Long getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
