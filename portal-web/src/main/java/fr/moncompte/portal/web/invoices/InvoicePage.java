package fr.moncompte.portal.web.invoices;

import fr.moncompte.portal.billing.invoice.boundary.CreditNotes;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.invoice.entity.PaymentMove;
import fr.moncompte.portal.billing.payment.boundary.Payments;
import fr.moncompte.portal.billing.payment.entity.PaymentEvent;
import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.web.error.NotFoundAnswer;
import fr.moncompte.portal.web.i18n.Amounts;
import fr.moncompte.portal.web.i18n.DayField;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.CurrentUser;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One invoice or credit note as a web page: the same facts as its PDF, in the page's language, for screen readers and
 * for those who would rather not open a PDF; its payment history and credit notes. Operators record payments,
 * rejected debits and refunds here, and issue credit notes. Out of scope is "not found" (404).
 */
@Named
@ViewScoped
public class InvoicePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Invoices invoices;

    @EJB
    Payments payments;

    @EJB
    CreditNotes creditNotes;

    @Inject
    PageMessages messages;

    @Inject
    TimeDisplay time;

    @Inject
    CurrentUser currentUser;

    @Inject
    LocaleSelection localeSelection;

    private String id;
    private long invoiceId;
    private transient Invoice invoice;
    /** One key per form shown: a double submission records the payment once. */
    private String formKey = UUID.randomUUID().toString();
    private String amount;
    private String day;
    private String reference;
    private String creditAmount;
    private String creditReason;

    public void open() throws IOException {
        try {
            invoiceId = NotFoundAnswer.idOf(id);
            invoice = invoices.open(invoiceId, FacesRequests.sourceAddress());
            day = time.today().toString();
            amount = Amounts.plain(invoices.due(invoiceId), localeSelection.getLocale());
        } catch (NotFound unknown) {
            NotFoundAnswer.send();
        }
    }

    public Invoice getInvoice() {
        if (invoice == null && invoiceId != 0) {
            invoice = invoices.invoice(invoiceId);
        }
        return invoice;
    }

    public List<PaymentEvent> getHistory() {
        return invoices.paymentHistory(invoiceId);
    }

    public List<Invoice> getCreditNotes() {
        return getInvoice().getKind() == InvoiceKind.INVOICE ? invoices.creditNotes(invoiceId) : List.of();
    }

    public Optional<Invoice> getCredited() {
        return invoices.credited(invoiceId);
    }

    public BigDecimal getDue() {
        return invoices.due(invoiceId);
    }

    /** Whether a payment may be recorded now: the invoice's own rule ({@link Invoice#refusal}), for operators. */
    public boolean isPayable() {
        return offered(PaymentMove.PAYMENT);
    }

    public boolean isFailable() {
        return offered(PaymentMove.FAILURE);
    }

    public boolean isRefundable() {
        return offered(PaymentMove.REFUND);
    }

    public boolean isCreditable() {
        return offered(PaymentMove.CREDIT);
    }

    private boolean offered(PaymentMove move) {
        return currentUser.isOperator() && getInvoice().allows(move);
    }

    public void recordPayment() {
        Optional<BigDecimal> typed = Amounts.parse(amount);
        LocalDate on = onDay("payment:day");
        if (typed.isEmpty()) {
            messages.fieldErrorKeeping("payment:amount", amount, "invoice.payment.amountInvalid");
            return;
        }
        if (on == null) {
            return;
        }
        act("payment", "invoice.payment.recorded",
                () -> payments.recordPayment(invoiceId, typed.get(), on, blankless(reference), formKey,
                        FacesRequests.sourceAddress()));
    }

    public void recordFailure() {
        LocalDate on = onDay("payment:day");
        if (on != null) {
            act("payment", "invoice.failure.recorded",
                    () -> payments.recordFailure(invoiceId, on, blankless(reference), formKey,
                            FacesRequests.sourceAddress()));
        }
    }

    public void recordRefund() {
        LocalDate on = onDay("payment:day");
        if (on != null) {
            act("payment", "invoice.refund.recorded",
                    () -> payments.recordRefund(invoiceId, on, blankless(reference), formKey,
                            FacesRequests.sourceAddress()));
        }
    }

    public void issueCreditNote() {
        BigDecimal typed = null;
        if (creditAmount != null && !creditAmount.isBlank()) {
            Optional<BigDecimal> parsed = Amounts.parse(creditAmount);
            if (parsed.isEmpty()) {
                messages.fieldErrorKeeping("credit:amount", creditAmount, "invoice.credit.amountInvalid");
                return;
            }
            typed = parsed.get();
        }
        if (creditReason == null || creditReason.isBlank()) {
            messages.fieldError("credit:reason", "invoice.credit.reasonRequired");
            return;
        }
        BigDecimal chosen = typed;
        try {
            Invoice note = creditNotes.issue(invoiceId, chosen, creditReason, FacesRequests.sourceAddress());
            invoice = null;
            creditAmount = null;
            creditReason = null;
            messages.info("invoice.credit.issued", note.getNumber());
        } catch (PortalException refused) {
            messages.formError("credit", refused.messageKey(), refused.arguments().stream()
                    .map(argument -> argument instanceof BigDecimal value ? time.money(value) : argument).toArray());
        }
    }

    private void act(String form, String doneKey, Runnable action) {
        try {
            action.run();
            invoice = null;
            formKey = UUID.randomUUID().toString();
            reference = null;
            messages.info(doneKey);
        } catch (FieldsRefused refused) {
            // The only field the boundary judges is the day (never in the future, in the portal's time zone).
            refused.problems().forEach(problem -> messages.fieldErrorKeeping(form + ":day", day,
                    problem.messageKey()));
        } catch (PortalException refused) {
            messages.formError(form, refused.messageKey());
        }
    }

    /** The day typed, read as a date; whether it may be that day is the boundary's to say. */
    private LocalDate onDay(String field) {
        LocalDate typed = DayField.of(day).day();
        if (typed == null) {
            messages.fieldErrorKeeping(field, day, "invoice.payment.dayInvalid");
        }
        return typed;
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getCreditAmount() {
        return creditAmount;
    }

    public void setCreditAmount(String creditAmount) {
        this.creditAmount = creditAmount;
    }

    public String getCreditReason() {
        return creditReason;
    }

    public void setCreditReason(String creditReason) {
        this.creditReason = creditReason;
    }
}
