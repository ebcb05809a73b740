package fr.moncompte.portal.domain.organisation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An accounting firm (cabinet comptable); its own customer account receives the invoices of FIRM-billed companies. */
@Entity
@Table(name = "accounting_firm")
public class AccountingFirm {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "customer_account_id", nullable = false, unique = true)
    private CustomerAccount customerAccount;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String siren;

    @Column(name = "vat_number")
    private String vatNumber;

    @Column(name = "contact_email")
    private String contactEmail;

    @Version
    private long version;

    protected AccountingFirm() {
    }

    public Long getId() {
        return id;
    }

    public CustomerAccount getCustomerAccount() {
        return customerAccount;
    }

    public String getName() {
        return name;
    }

    public String getSiren() {
        return siren;
    }

    public String getVatNumber() {
        return vatNumber;
    }

    public String getContactEmail() {
        return contactEmail;
    }
}
