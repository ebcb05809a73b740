package fr.moncompte.portal.billing.invoice.control;

import fr.moncompte.portal.billing.control.InvoiceNumber;
import fr.moncompte.portal.billing.control.Totals;
import fr.moncompte.portal.billing.document.control.DocumentTexts;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceDraft;
import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.invoice.entity.InvoiceLine;
import fr.moncompte.portal.billing.invoice.entity.LineDraft;
import fr.moncompte.portal.billing.invoice.entity.LineKind;
import fr.moncompte.portal.billing.payment.control.PaymentRecording;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.audit.boundary.AuditRecords;
import fr.moncompte.portal.domain.schema.boundary.DomainSchema;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Corrects an issued invoice the only way French law allows: with a credit note (avoir) of its own number
 * ({@code A2026-000001}), for all of the invoice (its lines, reversed in a document of their own) or part of it (one
 * line for the amount). The invoice itself is never changed, only marked credited once nothing is left of it.
 */
@Stateless
@PermitAll
public class CreditNoteIssuing {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Resource(lookup = DomainSchema.DATASOURCE)
    DataSource dataSource;

    @Inject
    BillingTerms terms;

    @EJB
    PaymentRecording payments;

    @EJB
    AuditRecords audit;

    /** Creates the year's credit-note counter if missing, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureCounter(int year) {
        try (Connection connection = dataSource.getConnection()) {
            InvoiceNumbering.ensure(connection, InvoiceNumber.Kind.CREDIT_NOTE, year);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the credit-note counter of " + year, e);
        }
    }

    /**
     * Issues a credit note on the invoice, for {@code excludingVat} or, when absent, all that is left of it.
     *
     * @return the credit note
     */
    public Invoice issue(long invoiceId, BigDecimal excludingVat, String reason, LocalDate today, Long actor,
                         String sourceAddress) {
        Invoice invoice = em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw new NotFound();
        }
        BigDecimal amount = invoice.creditAmount(excludingVat);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new PortalException("billing.credit.reason");
        }
        BigDecimal left = invoice.creditable();
        List<LineDraft> lines = new ArrayList<>();
        if (amount.compareTo(invoice.getTotalExcludingVat()) == 0) {
            for (InvoiceLine line : invoice.getLines()) {
                lines.add(new LineDraft(line.getKind(), line.getApplicationCode(), line.getLabel(),
                        line.getPeriodStart(), line.getPeriodEnd(), line.getQuantity(), line.getUnitPrice(),
                        line.getAmount()));
            }
        } else {
            lines.add(new LineDraft(LineKind.CREDIT, null,
                    DocumentTexts.format(invoice.getLanguage(), "line.credit", invoice.getNumber()),
                    invoice.getPeriodStart(), invoice.getPeriodEnd(), BigDecimal.ONE.setScale(2), amount, amount));
        }
        Totals totals = Totals.of(lines.stream().map(LineDraft::amount).toList(), invoice.getVatRate());
        if (amount.compareTo(left) == 0 && amount.compareTo(invoice.getTotalExcludingVat()) != 0) {
            // The last of several partial credit notes takes the VAT the others left, so that together they cancel
            // the invoice's VAT to the cent (each rounded on its own could miss or overshoot it by one).
            BigDecimal vatLeft = invoice.getVatAmount().subtract(em.createQuery("""
                            select coalesce(sum(c.vatAmount), 0) from Invoice c where c.creditedInvoiceId = :id""",
                    BigDecimal.class).setParameter("id", invoice.getId()).getSingleResult());
            totals = new Totals(amount, invoice.getVatRate(), vatLeft, amount.add(vatLeft));
        }
        InvoiceComputation.Terms current = terms.terms();
        InvoiceDraft draft = new InvoiceDraft(InvoiceKind.CREDIT_NOTE, null, invoice.getCompanyId(),
                invoice.getCompanyName(), invoice.getCompanySiren(), invoice.getBillingAccountId(),
                invoice.getBilledMonth(), invoice.getPeriodStart(), invoice.getPeriodEnd(), today, today,
                invoice.getLanguage(), current.seller(), current.sellerLegalMentions(), invoice.buyer(), totals,
                invoice.getId(), reason.strip(), actor, lines);
        try (Connection connection = dataSource.getConnection()) {
            int year = today.getYear();
            long last = InvoiceNumbering.lock(connection, InvoiceNumber.Kind.CREDIT_NOTE, year);
            long id = InvoiceWriter.ids(connection, 1)[0];
            Invoice note = new Invoice(id, new InvoiceNumber(InvoiceNumber.Kind.CREDIT_NOTE, year, last + 1).toString(),
                    draft, clock.instant());
            InvoiceWriter.write(connection, List.of(note));
            InvoiceNumbering.advance(connection, InvoiceNumber.Kind.CREDIT_NOTE, year, last + 1);
            invoice.credit(amount);
            payments.settleIfCovered(invoice, actor);
            audit.record(actor, "INVOICE_CREDITED", "INVOICE", invoice.getId(), null, invoice.getNumber() + " "
                    + note.getNumber() + " " + amount + " EUR excl. VAT: " + note.getCreditReason(), sourceAddress);
            return note;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not issue a credit note on " + invoice.getNumber(), e);
        }
    }
}
