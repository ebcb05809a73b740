package fr.moncompte.portal.domain.organisation.entity;

import fr.moncompte.portal.domain.SearchKey;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.HashSet;
import java.util.Set;

/** A client company (entreprise, "dossier client"). */
@Entity
@Table(name = "company")
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_account_id", nullable = false)
    private CustomerAccount customerAccount;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    /** {@link SearchKey} of the legal name, for the list's search. */
    @Column(name = "legal_name_key", nullable = false)
    private String legalNameKey;

    @Column(name = "legal_form", nullable = false)
    private String legalForm;

    @Column(nullable = false)
    private String siren;

    private String siret;

    @Column(name = "vat_number")
    private String vatNumber;

    @Column(name = "address_line")
    private String addressLine;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    @Column(nullable = false)
    private String country;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_mode", nullable = false)
    private BillingMode billingMode;

    @ManyToOne
    @JoinColumn(name = "accounting_firm_id")
    private AccountingFirm accountingFirm;

    @ManyToMany
    @JoinTable(name = "company_membership",
            joinColumns = @JoinColumn(name = "company_id"),
            inverseJoinColumns = @JoinColumn(name = "user_account_id"))
    private Set<UserAccount> members = new HashSet<>();

    @Version
    private long version;

    /** New legal and contact data, already checked by the boundary; the SIREN and the billing mode stay. */
    public void changeDetails(CompanyDetails details) {
        this.legalName = details.legalName();
        this.legalForm = details.legalForm();
        this.siret = details.siret();
        this.vatNumber = details.vatNumber();
        this.addressLine = details.addressLine();
        this.postalCode = details.postalCode();
        this.city = details.city();
        this.contactEmail = details.contactEmail();
        this.contactPhone = details.contactPhone();
    }

    /** A closed account's company, once the legal period has passed: its contact address and phone go. */
    public void forgetContact() {
        this.contactEmail = null;
        this.contactPhone = null;
    }

    /** What the audit event keeps before and after a change. */
    public String describe() {
        return "legalName=" + legalName + ", legalForm=" + legalForm + ", siret=" + siret + ", vat=" + vatNumber
                + ", address=" + addressLine + ", postalCode=" + postalCode + ", city=" + city
                + ", email=" + contactEmail + ", phone=" + contactPhone;
    }

    @PrePersist
    @PreUpdate
    void keepSearchKey() {
        legalNameKey = SearchKey.of(legalName);
    }

    protected Company() {
    }

    /** A new company of a customer account, billed DIRECT, with its checked legal and contact data (issue 21). */
    public Company(CustomerAccount customerAccount, String siren, CompanyDetails details) {
        this.customerAccount = customerAccount;
        this.siren = siren;
        this.country = "FR";
        this.billingMode = BillingMode.DIRECT;
        changeDetails(details);
    }

    /**
     * The arrangement in force from today on: who receives the invoices, and so who administers it (rule 3). A company
     * billed DIRECT may keep its firm (which keeps its books without receiving its invoices).
     */
    public void billThrough(BillingMode mode, AccountingFirm firm) {
        if (mode == BillingMode.FIRM && firm == null) {
            throw new IllegalArgumentException("A company billed through a firm needs the firm");
        }
        this.billingMode = mode;
        this.accountingFirm = firm;
    }

    public Long getId() {
        return id;
    }

    public CustomerAccount getCustomerAccount() {
        return customerAccount;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getLegalForm() {
        return legalForm;
    }

    public String getSiren() {
        return siren;
    }

    public String getSiret() {
        return siret;
    }

    public String getVatNumber() {
        return vatNumber;
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

    public String getCountry() {
        return country;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public BillingMode getBillingMode() {
        return billingMode;
    }

    public AccountingFirm getAccountingFirm() {
        return accountingFirm;
    }

    public Set<UserAccount> getMembers() {
        return Set.copyOf(members);
    }

    public void addMember(UserAccount user) {
        members.add(user);
    }

    public void removeMember(UserAccount user) {
        members.remove(user);
    }
}
