package fr.moncompte.portal.billing.invoice.entity;

import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * An issued invoice or credit note. What the document says is written once, when it is issued, and never updated
 * (every such column is {@code updatable = false}); only the invoice state, the payment state and the amount already
 * credited move afterwards, each through a method that says why.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    private Long id;

    @Column(name = "invoice_number", nullable = false, updatable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private InvoiceKind kind;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "company_name", nullable = false, updatable = false)
    private String companyName;

    @Column(name = "company_siren", nullable = false, updatable = false)
    private String companySiren;

    @Column(name = "billing_account_id", nullable = false, updatable = false)
    private long billingAccountId;

    @Column(name = "billed_month", nullable = false, updatable = false)
    private LocalDate billedMonth;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Column(name = "issue_date", nullable = false, updatable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(nullable = false, updatable = false)
    private Language language;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "seller_name", nullable = false, updatable = false)
    private String sellerName;
    @Column(name = "seller_siren", nullable = false, updatable = false)
    private String sellerSiren;
    @Column(name = "seller_vat_number", nullable = false, updatable = false)
    private String sellerVatNumber;
    @Column(name = "seller_address_line", nullable = false, updatable = false)
    private String sellerAddressLine;
    @Column(name = "seller_postal_code", nullable = false, updatable = false)
    private String sellerPostalCode;
    @Column(name = "seller_city", nullable = false, updatable = false)
    private String sellerCity;
    @Column(name = "seller_country", nullable = false, updatable = false)
    private String sellerCountry;
    @Column(name = "seller_legal_mentions", nullable = false, updatable = false)
    private String sellerLegalMentions;

    @Column(name = "buyer_name", nullable = false, updatable = false)
    private String buyerName;
    @Column(name = "buyer_siren", nullable = false, updatable = false)
    private String buyerSiren;
    @Column(name = "buyer_vat_number", updatable = false)
    private String buyerVatNumber;
    @Column(name = "buyer_address_line", updatable = false)
    private String buyerAddressLine;
    @Column(name = "buyer_postal_code", updatable = false)
    private String buyerPostalCode;
    @Column(name = "buyer_city", updatable = false)
    private String buyerCity;
    @Column(name = "buyer_country", nullable = false, updatable = false)
    private String buyerCountry;

    @Column(name = "total_excluding_vat", nullable = false, updatable = false)
    private BigDecimal totalExcludingVat;

    @Column(name = "vat_rate", nullable = false, updatable = false)
    private BigDecimal vatRate;

    @Column(name = "vat_amount", nullable = false, updatable = false)
    private BigDecimal vatAmount;

    @Column(name = "total_including_vat", nullable = false, updatable = false)
    private BigDecimal totalIncludingVat;

    @Column(name = "credited_invoice_id", updatable = false)
    private Long creditedInvoiceId;

    @Column(name = "credit_reason", updatable = false)
    private String creditReason;

    @Column(name = "issued_by", updatable = false)
    private Long issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_state", nullable = false)
    private PaymentState paymentState;

    @Column(name = "credited_excluding_vat", nullable = false)
    private BigDecimal creditedExcludingVat;

    @Version
    private long version;

    @OneToMany(mappedBy = "invoice", fetch = FetchType.LAZY)
    @OrderBy("lineNumber")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    /** An invoice as the issuing transaction writes it; also how a test renders one without a database. */
    public Invoice(long id, String number, InvoiceDraft draft, Instant issuedAt) {
        this.id = id;
        this.number = number;
        this.kind = draft.kind();
        this.companyId = draft.companyId();
        this.companyName = draft.companyName();
        this.companySiren = draft.companySiren();
        this.billingAccountId = draft.billingAccountId();
        this.billedMonth = draft.billedMonth().atDay(1);
        this.periodStart = draft.periodStart();
        this.periodEnd = draft.periodEnd();
        this.issueDate = draft.issueDate();
        this.dueDate = draft.dueDate();
        this.language = draft.language();
        this.currency = "EUR";
        Party seller = draft.seller();
        this.sellerName = seller.name();
        this.sellerSiren = seller.siren();
        this.sellerVatNumber = seller.vatNumber();
        this.sellerAddressLine = seller.addressLine();
        this.sellerPostalCode = seller.postalCode();
        this.sellerCity = seller.city();
        this.sellerCountry = seller.country();
        this.sellerLegalMentions = draft.sellerLegalMentions();
        Party buyer = draft.buyer();
        this.buyerName = buyer.name();
        this.buyerSiren = buyer.siren();
        this.buyerVatNumber = buyer.vatNumber();
        this.buyerAddressLine = buyer.addressLine();
        this.buyerPostalCode = buyer.postalCode();
        this.buyerCity = buyer.city();
        this.buyerCountry = buyer.country();
        this.totalExcludingVat = draft.totals().excludingVat();
        this.vatRate = draft.totals().vatRate();
        this.vatAmount = draft.totals().vat();
        this.totalIncludingVat = draft.totals().includingVat();
        this.creditedInvoiceId = draft.creditedInvoiceId();
        this.creditReason = draft.creditReason();
        this.issuedBy = draft.issuedBy();
        this.issuedAt = issuedAt;
        this.state = InvoiceState.ISSUED;
        this.paymentState = PaymentState.PENDING;
        this.creditedExcludingVat = BigDecimal.ZERO.setScale(2);
        int lineNumber = 1;
        for (LineDraft line : draft.lines()) {
            lines.add(new InvoiceLine(this, lineNumber++, line));
        }
    }

    /** What may still be credited, excl. VAT. */
    public BigDecimal creditable() {
        return totalExcludingVat.subtract(creditedExcludingVat);
    }

    /** A credit note cancels this much of the invoice; all of it makes the invoice credited. */
    public void credit(BigDecimal excludingVat) {
        if (kind != InvoiceKind.INVOICE || excludingVat.signum() <= 0 || excludingVat.compareTo(creditable()) > 0) {
            throw new IllegalArgumentException("cannot credit " + excludingVat + " on " + number);
        }
        creditedExcludingVat = creditedExcludingVat.add(excludingVat);
        if (creditable().signum() == 0) {
            state = InvoiceState.CREDITED;
        }
    }

    public void changePaymentState(PaymentState next) {
        this.paymentState = next;
    }

    public Party seller() {
        return new Party(sellerName, sellerSiren, sellerVatNumber, sellerAddressLine, sellerPostalCode, sellerCity,
                sellerCountry);
    }

    public Party buyer() {
        return new Party(buyerName, buyerSiren, buyerVatNumber, buyerAddressLine, buyerPostalCode, buyerCity,
                buyerCountry);
    }

    public YearMonth getBilledMonth() {
        return YearMonth.from(billedMonth);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public InvoiceKind getKind() {
        return kind;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getCompanySiren() {
        return companySiren;
    }

    public long getBillingAccountId() {
        return billingAccountId;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Language getLanguage() {
        return language;
    }

    public String getCurrency() {
        return currency;
    }

    public String getSellerLegalMentions() {
        return sellerLegalMentions;
    }

    public BigDecimal getTotalExcludingVat() {
        return totalExcludingVat;
    }

    public BigDecimal getVatRate() {
        return vatRate;
    }

    public BigDecimal getVatAmount() {
        return vatAmount;
    }

    public BigDecimal getTotalIncludingVat() {
        return totalIncludingVat;
    }

    public Long getCreditedInvoiceId() {
        return creditedInvoiceId;
    }

    public String getCreditReason() {
        return creditReason;
    }

    public Long getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public InvoiceState getState() {
        return state;
    }

    public PaymentState getPaymentState() {
        return paymentState;
    }

    public BigDecimal getCreditedExcludingVat() {
        return creditedExcludingVat;
    }

    public List<InvoiceLine> getLines() {
        return lines;
    }
}
