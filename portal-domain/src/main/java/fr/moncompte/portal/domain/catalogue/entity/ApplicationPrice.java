package fr.moncompte.portal.domain.catalogue.entity;

import fr.moncompte.portal.domain.FromMonth;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An application's monthly prices from a month on (issue 21). A billing run prices a month with the row of the latest
 * month not after it; an application without rows has always cost what its own columns say. Issued invoices keep the
 * amounts they were issued with: a new price changes none of them.
 */
@Entity
@Table(name = "application_price")
@NamedQuery(name = ApplicationPrice.OF_APPLICATION, query = """
        select p from ApplicationPrice p where p.application.id = :applicationId order by p.effectiveFrom desc""")
@NamedQuery(name = ApplicationPrice.DUE, query = """
        select p from ApplicationPrice p where p.effectiveFrom = (select max(q.effectiveFrom)
        from ApplicationPrice q where q.application = p.application and q.effectiveFrom <= :today)""")
public class ApplicationPrice extends FromMonth {

    public static final String OF_APPLICATION = "ApplicationPrice.ofApplication";
    /** The prices in force today, of the applications that have a history ({@link #isShown()} tells the rest). */
    public static final String DUE = "ApplicationPrice.due";
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(name = "monthly_company_price", nullable = false)
    private BigDecimal monthlyCompanyPrice;

    @Column(name = "monthly_seat_price", nullable = false)
    private BigDecimal monthlySeatPrice;

    protected ApplicationPrice() {
    }

    public ApplicationPrice(Application application, LocalDate effectiveFrom, BigDecimal monthlyCompanyPrice,
                            BigDecimal monthlySeatPrice, Instant recordedAt, Long recordedBy) {
        super(effectiveFrom, recordedAt, recordedBy);
        this.application = application;
        this.monthlyCompanyPrice = monthlyCompanyPrice;
        this.monthlySeatPrice = monthlySeatPrice;
    }

    /** New prices for the same month: the later decision replaces the earlier. */
    public void replace(BigDecimal companyPrice, BigDecimal seatPrice, Instant at, Long by) {
        this.monthlyCompanyPrice = companyPrice;
        this.monthlySeatPrice = seatPrice;
        recorded(at, by);
    }

    public String describe() {
        return "from=" + getMonth() + ", companyPrice=" + monthlyCompanyPrice.toPlainString()
                + ", seatPrice=" + monthlySeatPrice.toPlainString();
    }

    /** Whether the application's own columns show these prices. */
    public boolean isShown() {
        return application.getMonthlyCompanyPrice().compareTo(monthlyCompanyPrice) == 0
                && application.getMonthlySeatPrice().compareTo(monthlySeatPrice) == 0;
    }

    public Long getId() {
        return id;
    }

    public Application getApplication() {
        return application;
    }

    public BigDecimal getMonthlyCompanyPrice() {
        return monthlyCompanyPrice;
    }

    public BigDecimal getMonthlySeatPrice() {
        return monthlySeatPrice;
    }
}
