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

    @Column(name = "address_line")
    private String addressLine;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    @Column(nullable = false)
    private String country;

    @Version
    private long version;

    protected AccountingFirm() {
    }

    /** A new firm, on its own customer account (which receives the invoices of the companies it bills). */
    public AccountingFirm(CustomerAccount customerAccount, String name, String siren, String vatNumber,
                          String addressLine, String postalCode, String city, String contactEmail) {
        this.customerAccount = customerAccount;
        this.name = name;
        this.siren = siren;
        this.vatNumber = vatNumber;
        this.addressLine = addressLine;
        this.postalCode = postalCode;
        this.city = city;
        this.country = "FR";
        this.contactEmail = contactEmail;
    }

    public String getAddressLine() {
        return addressLine;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    /** How the audit log keeps it. */
    public String describe() {
        return "name=" + name + ", siren=" + siren + ", vat=" + vatNumber + ", address=" + addressLine
                + ", postalCode=" + postalCode + ", city=" + city + ", email=" + contactEmail;
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
