package fr.moncompte.portal.domain.organisation.entity;

import fr.moncompte.portal.domain.FromMonth;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who a company is billed through from a month on (issue 21): DIRECT (its own account) or FIRM (the firm's), and its
 * firm. The history of a company is its rows by month; the row of the latest month not after a given one is the
 * arrangement in force then. A company without rows has always been billed as its own columns say.
 */
@Entity
@Table(name = "billing_arrangement")
@NamedQuery(name = BillingArrangement.OF_COMPANY, query = """
        select a from BillingArrangement a where a.company.id = :companyId order by a.effectiveFrom""")
@NamedQuery(name = BillingArrangement.DUE, query = """
        select a from BillingArrangement a where a.effectiveFrom = (select max(b.effectiveFrom)
        from BillingArrangement b where b.company = a.company and b.effectiveFrom <= :today)""")
public class BillingArrangement extends FromMonth {

    public static final String OF_COMPANY = "BillingArrangement.ofCompany";
    /** The arrangements in force today, of the companies that have a history ({@link #isFollowed()} tells the rest). */
    public static final String DUE = "BillingArrangement.due";
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_mode", nullable = false)
    private BillingMode billingMode;

    @ManyToOne
    @JoinColumn(name = "accounting_firm_id")
    private AccountingFirm accountingFirm;

    protected BillingArrangement() {
    }

    public BillingArrangement(Company company, LocalDate effectiveFrom, BillingMode billingMode,
                              AccountingFirm accountingFirm, Instant recordedAt, Long recordedBy) {
        super(effectiveFrom, recordedAt, recordedBy);
        this.company = company;
        this.billingMode = billingMode;
        this.accountingFirm = accountingFirm;
    }

    /** Another arrangement for the same month: the later decision replaces the earlier. */
    public void replace(BillingMode mode, AccountingFirm firm, Instant at, Long by) {
        this.billingMode = mode;
        this.accountingFirm = firm;
        recorded(at, by);
    }

    /** How the audit log keeps it. */
    public String describe() {
        return "from=" + getMonth() + ", mode=" + billingMode + ", firm="
                + (accountingFirm == null ? null : accountingFirm.getId());
    }

    /** Whether the company is billed as this says. */
    public boolean isFollowed() {
        AccountingFirm current = company.getAccountingFirm();
        return company.getBillingMode() == billingMode && (accountingFirm == null ? current == null
                : current != null && accountingFirm.getId().equals(current.getId()));
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public BillingMode getBillingMode() {
        return billingMode;
    }

    public AccountingFirm getAccountingFirm() {
        return accountingFirm;
    }
}
