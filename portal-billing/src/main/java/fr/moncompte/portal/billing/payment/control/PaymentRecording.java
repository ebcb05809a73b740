package fr.moncompte.portal.billing.payment.control;

import fr.moncompte.portal.billing.event.BillingEventType;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.invoice.entity.InvoiceState;
import fr.moncompte.portal.billing.invoice.entity.PaymentState;
import fr.moncompte.portal.billing.payment.entity.PaymentEvent;
import fr.moncompte.portal.billing.payment.entity.PaymentEventKind;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Records what happens to an invoice's payment (SPEC §5), under the invoice's lock: the moves themselves and their
 * rules are {@link Invoice}'s; this writes each one in the invoice's history (a payment settles the invoice once what
 * was received covers what is due: its total incl. VAT, less its credit notes) and announces it. The same idempotency
 * key twice records once and answers the same. Called by the operators' boundary, the provider's notices, the daily
 * job and the demo data, each naming the actor (absent for the portal itself).
 */
@Stateless
@PermitAll
public class PaymentRecording {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @EJB
    ApplicationEvents events;

    @Inject
    Clock clock;

    /**
     * What a recording did: the invoice as it stands, and whether the key had recorded this very request already
     * (then nothing was recorded now, and the caller audits nothing).
     */
    public record Recorded(Invoice invoice, boolean repeated) {
    }

    public Recorded payment(long invoiceId, BigDecimal amount, LocalDate on, String reference, String key,
                            Long actor) {
        Invoice invoice = lockedInvoice(invoiceId);
        if (repeated(invoice, key, PaymentEventKind.PAYMENT, amount)) {
            return new Recorded(invoice, true);
        }
        checkReference(reference);
        invoice.acceptPayment(amount, on, today());
        em.persist(new PaymentEvent(invoiceId, PaymentEventKind.PAYMENT, amount, on, reference, key, actor,
                clock.instant()));
        em.flush();
        settleIfCovered(invoice, actor);
        return new Recorded(invoice, false);
    }

    /**
     * Marks the invoice paid once what was received covers what is due ({@link Invoice#settle}): after a payment, or
     * after a credit note lowered what is due.
     */
    public void settleIfCovered(Invoice invoice, Long actor) {
        if (invoice.settle(received(invoice.getId()), due(invoice))) {
            publish(BillingEventType.PAYMENT_RECEIVED, invoice, actor);
        }
    }

    public Recorded failure(long invoiceId, LocalDate on, String reason, String key, Long actor) {
        Invoice invoice = lockedInvoice(invoiceId);
        if (repeated(invoice, key, PaymentEventKind.FAILURE, null)) {
            return new Recorded(invoice, true);
        }
        checkReference(reason);
        invoice.fail(on, today());
        em.persist(new PaymentEvent(invoiceId, PaymentEventKind.FAILURE, null, on, reason, key, actor,
                clock.instant()));
        publish(BillingEventType.PAYMENT_FAILED, invoice, actor);
        return new Recorded(invoice, false);
    }

    public Recorded refund(long invoiceId, LocalDate on, String reference, String key, Long actor) {
        Invoice invoice = lockedInvoice(invoiceId);
        if (repeated(invoice, key, PaymentEventKind.REFUND, null)) {
            return new Recorded(invoice, true);
        }
        checkReference(reference);
        BigDecimal received = received(invoiceId);
        invoice.refund(on, today());
        em.persist(new PaymentEvent(invoiceId, PaymentEventKind.REFUND, received, on, reference, key, actor,
                clock.instant()));
        return new Recorded(invoice, false);
    }

    /**
     * Marks overdue every issued invoice awaiting its first payment whose due date is before {@code today}
     * ({@link Invoice#markOverdue}); returns how many.
     */
    public int overdue(LocalDate today) {
        List<Invoice> late = em.createQuery("""
                        select i from Invoice i where i.kind = :invoice and i.state = :issued
                        and i.paymentState = :pending and i.dueDate < :today""", Invoice.class)
                .setParameter("invoice", InvoiceKind.INVOICE)
                .setParameter("issued", InvoiceState.ISSUED)
                .setParameter("pending", PaymentState.PENDING)
                .setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        int marked = 0;
        for (Invoice invoice : late) {
            if (invoice.markOverdue(today)) {
                em.persist(new PaymentEvent(invoice.getId(), PaymentEventKind.OVERDUE, null, today, null, null, null,
                        clock.instant()));
                publish(BillingEventType.INVOICE_OVERDUE, invoice, null);
                marked++;
            }
        }
        return marked;
    }

    /** What the customer owes on the invoice: its total incl. VAT less the credit notes issued on it. */
    public BigDecimal due(Invoice invoice) {
        BigDecimal credited = em.createQuery("""
                        select coalesce(sum(c.totalIncludingVat), 0) from Invoice c
                        where c.creditedInvoiceId = :id""", BigDecimal.class)
                .setParameter("id", invoice.getId()).getSingleResult();
        return invoice.getTotalIncludingVat().subtract(credited);
    }

    public List<PaymentEvent> history(long invoiceId) {
        return em.createQuery("select p from PaymentEvent p where p.invoiceId = :id order by p.recordedAt, p.id",
                PaymentEvent.class).setParameter("id", invoiceId).getResultList();
    }

    private BigDecimal received(long invoiceId) {
        return em.createQuery("""
                        select coalesce(sum(p.amount), 0) from PaymentEvent p
                        where p.invoiceId = :id and p.kind = :payment""", BigDecimal.class)
                .setParameter("id", invoiceId).setParameter("payment", PaymentEventKind.PAYMENT).getSingleResult();
    }

    /**
     * Whether this key was recorded already, checked under the invoice's lock so that two deliveries at once
     * serialise: the second finds the first's entry and gets the same answer. A key used for another invoice, or for
     * another kind or amount, is refused rather than answered as if it were the same request.
     */
    private boolean repeated(Invoice invoice, String key, PaymentEventKind kind, BigDecimal amount) {
        if (key == null) {
            return false;
        }
        Optional<PaymentEvent> recorded = em.createQuery(
                        "select p from PaymentEvent p where p.idempotencyKey = :key", PaymentEvent.class)
                .setParameter("key", key).getResultStream().findFirst();
        if (recorded.isPresent() && (recorded.get().getInvoiceId() != invoice.getId()
                || recorded.get().getKind() != kind
                || amount != null && recorded.get().getAmount().compareTo(amount) != 0)) {
            throw new PortalException("billing.payment.keyReused");
        }
        return recorded.isPresent();
    }

    private static void checkReference(String reference) {
        if (reference != null && reference.length() > 200) {
            throw new PortalException("billing.payment.reference");
        }
    }

    private Invoice lockedInvoice(long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw new NotFound();
        }
        return invoice;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void publish(BillingEventType type, Invoice invoice, Long actor) {
        events.publish(type.about(invoice, actor, clock.instant()));
    }
}
