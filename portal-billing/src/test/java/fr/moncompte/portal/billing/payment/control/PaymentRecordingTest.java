package fr.moncompte.portal.billing.payment.control;

import fr.moncompte.portal.billing.Ledger;
import fr.moncompte.portal.billing.event.BillingEventType;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceState;
import fr.moncompte.portal.billing.invoice.entity.PaymentMove;
import fr.moncompte.portal.billing.invoice.entity.PaymentState;
import fr.moncompte.portal.billing.payment.control.PaymentRecording.Recorded;
import fr.moncompte.portal.billing.payment.entity.PaymentEvent;
import fr.moncompte.portal.billing.payment.entity.PaymentEventKind;
import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.MigratedDatabase;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payment states of SPEC §5 as {@link PaymentRecording} moves them, on the real billing schema: what was received
 * and what is due are sums the database makes, the idempotency key is looked up there, and the daily job finds the
 * overdue invoices with one query. Invoices of 100.00 € excl. VAT, 120.00 € incl. VAT.
 */
class PaymentRecordingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 15);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Long OPERATOR = 1L;

    @RegisterExtension
    static final MigratedDatabase database = MigratedDatabase.of("billing", "billing", "db/migration/billing");

    /** What the recording announced, kept here instead of sent to the broker. */
    static final class Announced extends ApplicationEvents {
        final List<DomainEvent> events = new ArrayList<>();

        @Override
        public void publishAll(Collection<DomainEvent> published) {
            events.addAll(published);
        }

        List<String> types() {
            return events.stream().map(DomainEvent::type).toList();
        }
    }

    Ledger ledger;
    Announced announced = new Announced();
    PaymentRecording recording = new PaymentRecording();

    @BeforeEach
    void wire() {
        ledger = new Ledger(database.em());
        recording.em = database.em();
        recording.events = announced;
        recording.clock = Clock.fixed(TODAY.atTime(12, 0).atZone(PARIS).toInstant(), PARIS);
    }

    @Test
    void a_payment_of_what_is_due_settles_the_invoice_and_is_announced() {
        Invoice invoice = ledger.invoice("100.00", TODAY.plusDays(10));
        Recorded recorded = recording.payment(invoice.getId(), euros("120.00"), TODAY, "VIR-1", null, OPERATOR);

        assertFalse(recorded.repeated());
        assertEquals(PaymentState.PAID, recorded.invoice().getPaymentState());
        assertEquals(List.of(BillingEventType.PAYMENT_RECEIVED.name()), announced.types());
        assertEquals(List.of(PaymentEventKind.PAYMENT), kinds(recording.history(invoice.getId())));
    }

    @Test
    void partial_payments_settle_the_invoice_once_they_cover_it() {
        Invoice invoice = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(invoice.getId(), euros("50.00"), TODAY, null, null, OPERATOR);
        assertEquals(PaymentState.PENDING, invoice.getPaymentState());
        recording.payment(invoice.getId(), euros("69.99"), TODAY, null, null, OPERATOR);
        assertEquals(PaymentState.PENDING, invoice.getPaymentState(), "a cent short");
        assertEquals(List.of(), announced.types());

        recording.payment(invoice.getId(), euros("0.01"), TODAY, null, null, OPERATOR);
        assertEquals(PaymentState.PAID, invoice.getPaymentState());
        assertEquals(List.of(BillingEventType.PAYMENT_RECEIVED.name()), announced.types());
    }

    @Test
    void what_another_invoice_received_counts_for_nothing() {
        Invoice other = ledger.invoice("100.00", TODAY.plusDays(10));
        Invoice invoice = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(other.getId(), euros("120.00"), TODAY, null, null, OPERATOR);

        recording.payment(invoice.getId(), euros("50.00"), TODAY, null, null, OPERATOR);
        assertEquals(PaymentState.PENDING, invoice.getPaymentState());
    }

    @Test
    void what_is_due_is_the_total_less_the_invoice_s_own_credit_notes() {
        Invoice credited = ledger.invoice("100.00", TODAY.plusDays(10));
        Invoice other = ledger.invoice("100.00", TODAY.plusDays(10));
        ledger.creditNote(credited, "20.00", TODAY);

        assertEquals(euros("96.00"), recording.due(credited), "120.00 less the credit note's 24.00");
        assertEquals(euros("120.00"), recording.due(other));
        recording.payment(credited.getId(), euros("96.00"), TODAY, null, null, OPERATOR);
        assertEquals(PaymentState.PAID, credited.getPaymentState());
    }

    @Test
    void a_credit_note_settles_an_invoice_whose_payments_now_cover_what_is_left() {
        Invoice invoice = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(invoice.getId(), euros("96.00"), TODAY, null, null, OPERATOR);
        assertEquals(PaymentState.PENDING, invoice.getPaymentState());

        ledger.creditNote(invoice, "20.00", TODAY);
        recording.settleIfCovered(invoice, OPERATOR);
        assertEquals(PaymentState.PAID, invoice.getPaymentState());
    }

    @Test
    void the_same_key_twice_records_once_and_answers_as_repeated() {
        Invoice invoice = ledger.invoice("100.00", TODAY.plusDays(10));
        Recorded first = recording.payment(invoice.getId(), euros("120.00"), TODAY, "VIR-1", "provider:42", null);
        Recorded second = recording.payment(invoice.getId(), euros("120.00"), TODAY, "VIR-1", "provider:42", null);

        assertFalse(first.repeated());
        assertTrue(second.repeated());
        assertEquals(PaymentState.PAID, second.invoice().getPaymentState());
        assertEquals(1, recording.history(invoice.getId()).size());
        assertEquals(List.of(BillingEventType.PAYMENT_RECEIVED.name()), announced.types());
    }

    @Test
    void a_key_used_again_for_another_invoice_kind_or_amount_is_refused() {
        Invoice invoice = ledger.invoice("100.00", TODAY.plusDays(10));
        Invoice other = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(invoice.getId(), euros("50.00"), TODAY, null, "key-1", OPERATOR);

        assertRefused("billing.payment.keyReused",
                () -> recording.payment(other.getId(), euros("50.00"), TODAY, null, "key-1", OPERATOR));
        assertRefused("billing.payment.keyReused",
                () -> recording.payment(invoice.getId(), euros("70.00"), TODAY, null, "key-1", OPERATOR));
        assertRefused("billing.payment.keyReused",
                () -> recording.failure(invoice.getId(), TODAY, "Rejet", "key-1", OPERATOR));
        assertEquals(1, recording.history(invoice.getId()).size() + recording.history(other.getId()).size());
    }

    @Test
    void only_an_awaited_invoice_takes_a_payment() {
        Invoice paid = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(paid.getId(), euros("120.00"), TODAY, null, null, OPERATOR);
        Invoice credited = ledger.invoice("100.00", TODAY.plusDays(10));
        Invoice creditNote = ledger.creditNote(credited, "100.00", TODAY);
        Invoice rejected = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.failure(rejected.getId(), TODAY, "Prélèvement rejeté", null, null);

        assertRefused("billing.payment.notAwaited",
                () -> recording.payment(paid.getId(), euros("1.00"), TODAY, null, null, OPERATOR));
        assertEquals(InvoiceState.CREDITED, credited.getState());
        assertRefused("billing.payment.notAwaited",
                () -> recording.payment(credited.getId(), euros("1.00"), TODAY, null, null, OPERATOR));
        assertRefused("billing.payment.creditNote",
                () -> recording.payment(creditNote.getId(), euros("1.00"), TODAY, null, null, OPERATOR));
        assertEquals(PaymentState.FAILED, rejected.getPaymentState());
        recording.payment(rejected.getId(), euros("120.00"), TODAY, null, null, OPERATOR);
        assertEquals(PaymentState.PAID, rejected.getPaymentState(), "a rejected debit paid another way");
    }

    @Test
    void the_daily_job_marks_overdue_the_issued_unpaid_invoices_past_their_due_date_only() {
        Invoice late = ledger.invoice("100.00", TODAY.minusDays(1));
        Invoice dueToday = ledger.invoice("100.00", TODAY);
        Invoice paidLate = ledger.invoice("100.00", TODAY.minusDays(1));
        recording.payment(paidLate.getId(), euros("120.00"), TODAY, null, null, OPERATOR);
        Invoice creditedLate = ledger.invoice("100.00", TODAY.minusDays(1));
        Invoice creditNote = ledger.creditNote(creditedLate, "100.00", TODAY.minusDays(5));
        announced.events.clear();

        assertEquals(1, recording.overdue(TODAY));
        assertEquals(PaymentState.OVERDUE, late.getPaymentState());
        assertEquals(PaymentState.PENDING, dueToday.getPaymentState());
        assertEquals(PaymentState.PAID, paidLate.getPaymentState());
        assertEquals(PaymentState.PENDING, creditedLate.getPaymentState(), "nothing is due on a credited invoice");
        assertEquals(PaymentState.PENDING, creditNote.getPaymentState(), "a credit note is never overdue");
        assertEquals(List.of(BillingEventType.INVOICE_OVERDUE.name()), announced.types());
        assertEquals(List.of(PaymentEventKind.OVERDUE), kinds(recording.history(late.getId())));
    }

    @Test
    void a_payment_rejection_or_refund_dated_after_today_is_refused_on_the_date_and_records_nothing() {
        Invoice awaited = ledger.invoice("100.00", TODAY.plusDays(10));
        Invoice paid = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(paid.getId(), euros("120.00"), TODAY, null, null, OPERATOR);
        LocalDate tomorrow = TODAY.plusDays(1);

        assertDayRefused(() -> recording.payment(awaited.getId(), euros("120.00"), tomorrow, null, "k1", OPERATOR));
        assertDayRefused(() -> recording.failure(awaited.getId(), tomorrow, "Rejet", "k2", null));
        assertDayRefused(() -> recording.refund(paid.getId(), tomorrow, null, "k3", OPERATOR));
        assertEquals(List.of(), recording.history(awaited.getId()));
        assertEquals(PaymentState.PENDING, awaited.getPaymentState());
        assertEquals(PaymentState.PAID, paid.getPaymentState());
    }

    @Test
    void today_is_the_portal_time_zone_s_day_not_the_machine_s() {
        // 23:30 in London on the 15th is already the 16th in Paris: a payment of the 16th has happened.
        recording.clock = Clock.fixed(TODAY.atTime(23, 30).atZone(ZoneOffset.UTC).toInstant(), PARIS);
        Invoice invoice = ledger.invoice("100.00", TODAY.plusDays(10));

        recording.payment(invoice.getId(), euros("120.00"), TODAY.plusDays(1), null, null, OPERATOR);

        assertEquals(PaymentState.PAID, invoice.getPaymentState());
        assertDayRefused(() -> recording.refund(invoice.getId(), TODAY.plusDays(2), null, null, OPERATOR));
    }

    @Test
    void each_state_allows_only_its_moves_and_names_the_reason_of_the_others() {
        Invoice pending = ledger.invoice("100.00", TODAY.plusDays(10));
        Invoice overdue = ledger.invoice("100.00", TODAY.minusDays(1));
        recording.overdue(TODAY);
        Invoice failed = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.failure(failed.getId(), TODAY, null, null, null);
        Invoice paid = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(paid.getId(), euros("120.00"), TODAY, null, null, OPERATOR);
        Invoice refunded = ledger.invoice("100.00", TODAY.plusDays(10));
        recording.payment(refunded.getId(), euros("120.00"), TODAY, null, null, OPERATOR);
        recording.refund(refunded.getId(), TODAY, null, null, OPERATOR);
        Invoice credited = ledger.invoice("100.00", TODAY.plusDays(10));
        Invoice creditNote = ledger.creditNote(credited, "100.00", TODAY);

        Map<Invoice, String> expected = new LinkedHashMap<>();
        expected.put(pending, "PAYMENT FAILURE CREDIT");
        expected.put(overdue, "PAYMENT FAILURE CREDIT");
        expected.put(failed, "PAYMENT CREDIT");
        expected.put(paid, "REFUND CREDIT");
        expected.put(refunded, "CREDIT");
        expected.put(credited, "");
        expected.put(creditNote, "");
        expected.forEach((invoice, moves) -> assertEquals(moves, Arrays.stream(PaymentMove.values())
                .filter(invoice::allows).map(Enum::name).collect(Collectors.joining(" ")),
                invoice.getPaymentState() + " " + invoice.getState() + " " + invoice.getKind()));
        assertEquals(Optional.of("billing.refund.notPaid"), pending.refusal(PaymentMove.REFUND));
        assertEquals(Optional.of("billing.failure.notAwaited"), failed.refusal(PaymentMove.FAILURE));
        assertEquals(Optional.of("billing.payment.notAwaited"), paid.refusal(PaymentMove.PAYMENT));
        assertEquals(Optional.of("billing.credit.notCreditable"), credited.refusal(PaymentMove.CREDIT));
        assertEquals(Optional.of("billing.payment.creditNote"), creditNote.refusal(PaymentMove.PAYMENT));
        assertRefused("billing.credit.amount", () -> paid.creditAmount(euros("100.01")));
    }

    private static void assertDayRefused(Executable recording) {
        FieldsRefused refused = assertThrows(FieldsRefused.class, recording);
        assertEquals(List.of(new FieldsRefused.Problem("date", "billing.payment.dayFuture")), refused.problems());
    }

    private static void assertRefused(String messageKey, Executable recording) {
        assertEquals(messageKey, assertThrows(PortalException.class, recording).messageKey());
    }

    private static List<PaymentEventKind> kinds(List<PaymentEvent> history) {
        return history.stream().map(PaymentEvent::getKind).toList();
    }

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }
}
