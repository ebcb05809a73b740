package fr.moncompte.portal.billing.payment.boundary;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.payment.control.PaymentRecording;
import fr.moncompte.portal.domain.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What operators record on an invoice's payment (SPEC §5); the rules are {@link PaymentRecording}'s. */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Payments {

    @Resource
    SessionContext session;

    @EJB
    PaymentRecording recording;

    public Invoice recordPayment(long invoiceId, BigDecimal amount, LocalDate on, String reference, String key) {
        return recording.payment(invoiceId, amount, on, reference, key, operator());
    }

    public Invoice recordFailure(long invoiceId, LocalDate on, String reason, String key) {
        return recording.failure(invoiceId, on, reason, key, operator());
    }

    public Invoice recordRefund(long invoiceId, LocalDate on, String reference, String key) {
        return recording.refund(invoiceId, on, reference, key, operator());
    }

    private long operator() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
