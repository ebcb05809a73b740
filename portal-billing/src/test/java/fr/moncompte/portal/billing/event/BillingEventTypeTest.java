package fr.moncompte.portal.billing.event;

import fr.moncompte.portal.billing.invoice.control.InvoiceComputation;
import fr.moncompte.portal.billing.invoice.control.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.event.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An invoice's event tells the notifications module all that its notices say (the module reads nothing of billing's),
 * through the broker's JSON, and names no person.
 */
class BillingEventTypeTest {

    @Test
    void an_invoice_event_carries_its_number_company_amount_and_due_date_through_json() {
        Invoice invoice = new Invoice(1001, "F2026-000042", InvoiceComputation.invoice(Invoices.company(Language.FR),
                YearMonth.of(2026, 10), LocalDate.of(2026, 11, 1), Invoices.TERMS), Instant.now());
        Instant at = Instant.parse("2026-11-01T05:00:00Z");

        DomainEvent read = DomainEvent.fromJson(BillingEventType.INVOICE_ISSUED.about(invoice, null, at).toJson());

        assertEquals("INVOICE_ISSUED", read.type());
        assertEquals(at, read.occurredAt());
        assertEquals(1001, read.subjectId(DomainEvent.INVOICE));
        assertEquals(invoice.getBillingAccountId(), read.subjectId(DomainEvent.CUSTOMER_ACCOUNT));
        assertEquals(invoice.getCompanyId(), read.subjectId(DomainEvent.COMPANY));
        assertEquals("F2026-000042", read.subject(DomainEvent.INVOICE_NUMBER));
        assertEquals(invoice.getCompanyName(), read.subject(DomainEvent.COMPANY_NAME));
        assertEquals(invoice.getTotalIncludingVat().toPlainString(), read.subject(DomainEvent.AMOUNT));
        assertEquals(invoice.getDueDate().toString(), read.subject(DomainEvent.DUE_DATE));
        assertFalse(read.toJson().contains("@"), "no e-mail address: " + read.toJson());
    }
}
