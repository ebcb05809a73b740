package fr.moncompte.portal.billing.payment.boundary;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.payment.control.PaymentRecording;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.boundary.AuditRecords;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What operators record on an invoice's payment (SPEC §5), audited; the rules are {@link PaymentRecording}'s. */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Payments {

    @Resource
    SessionContext session;

    @EJB
    PaymentRecording recording;

    @EJB
    AuditRecords audit;

    public Invoice recordPayment(long invoiceId, BigDecimal amount, LocalDate on, String reference, String key,
                                 String sourceAddress) {
        Invoice invoice = recording.payment(invoiceId, amount, on, reference, key, operator());
        audit(invoice, "PAYMENT_RECORDED", amount + " EUR " + on + (reference == null ? "" : " " + reference),
                sourceAddress);
        return invoice;
    }

    public Invoice recordFailure(long invoiceId, LocalDate on, String reason, String key, String sourceAddress) {
        Invoice invoice = recording.failure(invoiceId, on, reason, key, operator());
        audit(invoice, "PAYMENT_FAILURE_RECORDED", on + (reason == null ? "" : " " + reason), sourceAddress);
        return invoice;
    }

    public Invoice recordRefund(long invoiceId, LocalDate on, String reference, String key, String sourceAddress) {
        Invoice invoice = recording.refund(invoiceId, on, reference, key, operator());
        audit(invoice, "REFUND_RECORDED", on + (reference == null ? "" : " " + reference), sourceAddress);
        return invoice;
    }

    private void audit(Invoice invoice, String action, String what, String sourceAddress) {
        audit.record(operator(), action, "INVOICE", invoice.getId(), null,
                invoice.getNumber() + " " + what + " -> " + invoice.getPaymentState(), sourceAddress);
    }

    private long operator() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
