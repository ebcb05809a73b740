package fr.moncompte.portal.billing.event;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.EventType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The events of SPEC §6 that billing announces, each about one invoice addressed to a customer account. An event
 * carries what its notices say of the invoice (number, company, total incl. VAT, due date), so that the module telling
 * people needs nothing of billing's but the event.
 */
public enum BillingEventType implements EventType {
    INVOICE_ISSUED,
    INVOICE_OVERDUE,
    PAYMENT_FAILED,
    PAYMENT_RECEIVED;

    /** This event about {@code invoice}, happening {@code at}; the actor is absent when the portal acted. */
    public DomainEvent about(Invoice invoice, Long actorId, Instant at) {
        return new DomainEvent(UUID.randomUUID(), name(), at, actorId, Map.of(
                DomainEvent.INVOICE, Long.toString(invoice.getId()),
                DomainEvent.CUSTOMER_ACCOUNT, Long.toString(invoice.getBillingAccountId()),
                DomainEvent.COMPANY, Long.toString(invoice.getCompanyId()),
                DomainEvent.INVOICE_NUMBER, invoice.getNumber(),
                DomainEvent.COMPANY_NAME, invoice.getCompanyName(),
                DomainEvent.AMOUNT, invoice.getTotalIncludingVat().toPlainString(),
                DomainEvent.DUE_DATE, invoice.getDueDate().toString()));
    }
}
