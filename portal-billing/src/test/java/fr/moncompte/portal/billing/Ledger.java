package fr.moncompte.portal.billing;

import fr.moncompte.portal.billing.control.InvoiceNumber;
import fr.moncompte.portal.billing.control.Totals;
import fr.moncompte.portal.billing.invoice.control.InvoiceComputation;
import fr.moncompte.portal.billing.invoice.control.InvoiceWriter;
import fr.moncompte.portal.billing.invoice.control.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceDraft;
import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.invoice.entity.LineDraft;
import fr.moncompte.portal.billing.invoice.entity.LineKind;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.BillableCompany;
import fr.moncompte.portal.domain.billable.boundary.Subscription;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The issued invoices and credit notes of a test, computed and written in the test's transaction as a billing run and
 * a credit note write them ({@link InvoiceComputation}, {@link InvoiceWriter}), then read back through JPA. Each
 * invoice is a company's own (a month's invoice of a company is issued once), 20 % VAT, due 30 days after its issue.
 */
public final class Ledger {

    private final EntityManager em;
    private int invoices;
    private int creditNotes;

    public Ledger(EntityManager em) {
        this.em = em;
    }

    /** A month's invoice of one subscription, {@code excludingVat} a month, due on {@code dueDate}. */
    public Invoice invoice(String excludingVat, LocalDate dueDate) {
        int sequence = ++invoices;
        LocalDate issueDate = dueDate.minusDays(Invoices.TERMS.paymentDays());
        YearMonth month = YearMonth.from(issueDate).minusMonths(1);
        BillableCompany company = new BillableCompany(100 + sequence, "Boulangerie Martin SARL", "732829320", 11,
                Language.FR, Invoices.company(Language.FR).buyer(),
                List.of(new Subscription("COMPTA", "Comptabilité", "Accounting", new BigDecimal(excludingVat),
                        BigDecimal.ZERO, month.atDay(1), null)),
                List.of());
        InvoiceDraft draft = InvoiceComputation.invoice(company, month, issueDate, Invoices.TERMS);
        return write(new InvoiceNumber(InvoiceNumber.Kind.INVOICE, issueDate.getYear(), sequence), draft);
    }

    /**
     * A credit note on the invoice for {@code excludingVat} (plus its VAT), issued on {@code issueDate}; the invoice
     * is credited that much, as {@code CreditNoteIssuing} does, so that all of it makes the invoice CREDITED.
     */
    public Invoice creditNote(Invoice invoice, String excludingVat, LocalDate issueDate) {
        BigDecimal amount = new BigDecimal(excludingVat);
        List<LineDraft> lines = List.of(new LineDraft(LineKind.CREDIT, null, "Avoir sur " + invoice.getNumber(),
                invoice.getPeriodStart(), invoice.getPeriodEnd(), BigDecimal.ONE.setScale(2), amount, amount));
        InvoiceDraft draft = new InvoiceDraft(InvoiceKind.CREDIT_NOTE, null, invoice.getCompanyId(),
                invoice.getCompanyName(), invoice.getCompanySiren(), invoice.getBillingAccountId(),
                invoice.getBilledMonth(), invoice.getPeriodStart(), invoice.getPeriodEnd(), issueDate, issueDate,
                invoice.getLanguage(), invoice.seller(), invoice.getSellerLegalMentions(), invoice.buyer(),
                Totals.of(List.of(amount), invoice.getVatRate()), invoice.getId(), "Geste commercial", null, lines);
        Invoice note = write(new InvoiceNumber(InvoiceNumber.Kind.CREDIT_NOTE, issueDate.getYear(), ++creditNotes),
                draft);
        invoice.credit(amount);
        // Written as the credit note's transaction commits it: a payment locks the invoice and so reads it again.
        em.flush();
        return note;
    }

    private Invoice write(InvoiceNumber number, InvoiceDraft draft) {
        try {
            Connection connection = em.unwrap(Connection.class);
            long id = InvoiceWriter.ids(connection, 1)[0];
            InvoiceWriter.write(connection, List.of(new Invoice(id, number.toString(), draft, Instant.now())));
            return em.find(Invoice.class, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + number, e);
        }
    }
}
