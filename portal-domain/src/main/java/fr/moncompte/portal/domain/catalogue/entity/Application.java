package fr.moncompte.portal.domain.catalogue.entity;

import fr.moncompte.portal.domain.account.entity.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;

/** An application of the vendor's catalogue, with its monthly prices (excl. VAT). */
@Entity
@Table(name = "application")
public class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(name = "name_fr", nullable = false)
    private String nameFr;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "monthly_company_price", nullable = false)
    private BigDecimal monthlyCompanyPrice;

    @Column(name = "monthly_seat_price", nullable = false)
    private BigDecimal monthlySeatPrice;

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    protected Application() {
    }

    public Application(ApplicationDetails details) {
        this.code = details.code();
        change(details);
    }

    /** Names, prices and whether it is sold; the code is the application's identity and never changes. */
    public void change(ApplicationDetails details) {
        this.nameFr = details.nameFr();
        this.nameEn = details.nameEn();
        this.monthlyCompanyPrice = details.monthlyCompanyPrice();
        this.monthlySeatPrice = details.monthlySeatPrice();
        this.active = details.active();
    }

    /** The prices in force today, as the history has them for this month (issue 21). */
    public void reprice(BigDecimal companyPrice, BigDecimal seatPrice) {
        this.monthlyCompanyPrice = companyPrice;
        this.monthlySeatPrice = seatPrice;
    }

    public ApplicationDetails details() {
        return new ApplicationDetails(code, nameFr, nameEn, monthlyCompanyPrice, monthlySeatPrice, active);
    }

    /** How the audit log keeps it. */
    public String describe() {
        return "code=" + code + ", nameFr=" + nameFr + ", nameEn=" + nameEn + ", companyPrice="
                + monthlyCompanyPrice.toPlainString() + ", seatPrice=" + monthlySeatPrice.toPlainString()
                + ", active=" + active;
    }

    public String name(Language language) {
        return language == Language.EN ? nameEn : nameFr;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameFr() {
        return nameFr;
    }

    public String getNameEn() {
        return nameEn;
    }

    public BigDecimal getMonthlyCompanyPrice() {
        return monthlyCompanyPrice;
    }

    public BigDecimal getMonthlySeatPrice() {
        return monthlySeatPrice;
    }

    public boolean isActive() {
        return active;
    }
}
