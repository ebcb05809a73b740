package fr.moncompte.portal.billing.invoice.entity;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.PortalException;
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
import java.util.Optional;

/**
 * An issued invoice or credit note. What the document says is written once, when it is issued, and never updated
 * (every such column is {@code updatable = false}); only the invoice state, the payment state and the amount already
 * credited move afterwards, each through a method that checks the move is allowed ({@link #refusal(PaymentMove)}):
 * this entity is the payment state machine of SPEC §5, for the pages, the API, the provider's notices and the jobs.
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

    /**
     * Why {@code move} may not happen to this invoice now, as the message key every path refuses it with (the page
     * offers only the moves this allows); empty when it may. The one place the payment states' rules live.
     */
    public Optional<String> refusal(PaymentMove move) {
        if (kind != InvoiceKind.INVOICE) {
            return Optional.of(move == PaymentMove.CREDIT ? "billing.credit.notCreditable"
                    : "billing.payment.creditNote");
        }
        boolean allowed = switch (move) {
            case PAYMENT -> state == InvoiceState.ISSUED && (paymentState == PaymentState.PENDING
                    || paymentState == PaymentState.OVERDUE || paymentState == PaymentState.FAILED);
            case FAILURE -> state == InvoiceState.ISSUED
                    && (paymentState == PaymentState.PENDING || paymentState == PaymentState.OVERDUE);
            case REFUND -> paymentState == PaymentState.PAID;
            case CREDIT -> state == InvoiceState.ISSUED;
        };
        return allowed ? Optional.empty() : Optional.of(switch (move) {
            case PAYMENT -> "billing.payment.notAwaited";
            case FAILURE -> "billing.failure.notAwaited";
            case REFUND -> "billing.refund.notPaid";
            case CREDIT -> "billing.credit.notCreditable";
        });
    }

    public boolean allows(PaymentMove move) {
        return refusal(move).isEmpty();
    }

    /**
     * Checks that a payment of {@code amount} received {@code on} may be recorded; the payment itself is written
     * beside the invoice, and {@link #settle} then says whether it is paid.
     *
     * @param today today in the portal's time zone
     */
    public void acceptPayment(BigDecimal amount, LocalDate on, LocalDate today) {
        require(PaymentMove.PAYMENT);
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new PortalException("billing.payment.amount");
        }
        checkDay(on, today);
    }

    /**
     * Marks the invoice paid once what was received covers what is due: after a payment, or after a credit note
     * lowered what is due. An invoice with nothing received (say, fully credited) stays as it was.
     *
     * @return whether it has just become paid
     */
    public boolean settle(BigDecimal received, BigDecimal due) {
        if (received.signum() > 0 && paymentState != PaymentState.PAID && paymentState != PaymentState.REFUNDED
                && received.compareTo(due) >= 0) {
            paymentState = PaymentState.PAID;
            return true;
        }
        return false;
    }

    /** A direct debit rejected {@code on}. */
    public void fail(LocalDate on, LocalDate today) {
        require(PaymentMove.FAILURE);
        checkDay(on, today);
        paymentState = PaymentState.FAILED;
    }

    /** What was received, paid back {@code on}. */
    public void refund(LocalDate on, LocalDate today) {
        require(PaymentMove.REFUND);
        checkDay(on, today);
        paymentState = PaymentState.REFUNDED;
    }

    /**
     * An invoice still awaiting its first payment becomes overdue the day after its due date. A rejected one stays
     * rejected: its administrators were told already, and a new payment is what it awaits.
     *
     * @return whether it has just become overdue
     */
    public boolean markOverdue(LocalDate today) {
        if (kind == InvoiceKind.INVOICE && state == InvoiceState.ISSUED && paymentState == PaymentState.PENDING
                && dueDate.isBefore(today)) {
            paymentState = PaymentState.OVERDUE;
            return true;
        }
        return false;
    }

    /** What may still be credited, excl. VAT. */
    public BigDecimal creditable() {
        return totalExcludingVat.subtract(creditedExcludingVat);
    }

    /**
     * The amount excl. VAT a credit note asked for {@code asked} would cancel: all that is left when none is asked.
     *
     * @throws PortalException {@code billing.credit.notCreditable}, or {@code billing.credit.amount} with what is left
     */
    public BigDecimal creditAmount(BigDecimal asked) {
        require(PaymentMove.CREDIT);
        BigDecimal left = creditable();
        BigDecimal amount = asked == null ? left : asked;
        if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(left) > 0) {
            throw new PortalException("billing.credit.amount", left);
        }
        return amount;
    }

    /** A credit note cancels this much of the invoice; all of it makes the invoice credited. */
    public void credit(BigDecimal excludingVat) {
        creditedExcludingVat = creditedExcludingVat.add(creditAmount(excludingVat));
        if (creditable().signum() == 0) {
            state = InvoiceState.CREDITED;
        }
    }

    /** A payment, a rejection or a refund happened on a day that has come: never later than today. */
    private static void checkDay(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new FieldsRefused(List.of(new FieldsRefused.Problem("date", "billing.payment.dayFuture")));
        }
    }

    private void require(PaymentMove move) {
        Optional<String> refused = refusal(move);
        if (refused.isPresent()) {
            throw new PortalException(refused.get());
        }
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
