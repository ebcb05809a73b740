package fr.moncompte.portal.billing.demo.boundary;

import fr.moncompte.portal.billing.invoice.control.CreditNoteIssuing;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.payment.control.PaymentRecording;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The payments of the demo invoices, recorded through the same control as the operators' (see DemoInvoices). */
@Stateless
@PermitAll
public class DemoPayments {

    /** Garage Petit's invoices: one rejected debit. Martin Traiteur's (firm-billed): one late. */
    private static final long REJECTED_COMPANY = 32, LATE_COMPANY = 31, CREDITED_COMPANY = 30;

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @EJB
    PaymentRecording recording;

    @EJB
    CreditNoteIssuing credits;

    public boolean anyInvoice() {
        return !em.createQuery("select i.id from Invoice i", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void settle(YearMonth current, LocalDate today) {
        List<Invoice> invoices = em.createQuery("select i from Invoice i where i.kind = "
                + "fr.moncompte.portal.billing.invoice.entity.InvoiceKind.INVOICE order by i.id", Invoice.class)
                .getResultList();
        YearMonth lastMonth = current.minusMonths(1);
        for (Invoice invoice : invoices) {
            YearMonth month = invoice.getBilledMonth();
            String key = "demo-" + invoice.getNumber();
            if (month.equals(lastMonth)) {
                continue; // issued on the 1st, due in 30 days: still pending
            }
            if (month.equals(lastMonth.minusMonths(1)) && invoice.getCompanyId() == REJECTED_COMPANY) {
                recording.failure(invoice.getId(), invoice.getDueDate(), "Prélèvement rejeté : provision insuffisante",
                        key, null);
            } else if (month.equals(lastMonth.minusMonths(1)) && invoice.getCompanyId() == LATE_COMPANY) {
                continue; // left unpaid: the overdue job below marks it late
            } else {
                recording.payment(invoice.getId(), invoice.getTotalIncludingVat(), invoice.getDueDate(),
                        "SEPA " + invoice.getNumber(), key, null);
                if (month.equals(current.minusMonths(6)) && invoice.getCompanyId() == CREDITED_COMPANY) {
                    credits.ensureCounter(invoice.getDueDate().getYear());
                    credits.issue(invoice.getId(), null, "Facturation en double de l'abonnement Caisse",
                            invoice.getDueDate(), null, null);
                    recording.refund(invoice.getId(), invoice.getDueDate().plusDays(3), "Virement de remboursement",
                            key + "-refund", null);
                }
            }
        }
        recording.overdue(today);
    }
}
