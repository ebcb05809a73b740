package fr.moncompte.portal.billing.invoice.control;

import fr.moncompte.portal.billing.invoice.entity.InvoiceDraft;
import fr.moncompte.portal.billing.invoice.entity.LineDraft;
import fr.moncompte.portal.billing.invoice.entity.LineKind;
import fr.moncompte.portal.domain.account.entity.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvoiceComputationTest {

    @Test
    void aMonthBillsEachApplicationAndItsSeatsProratedByDaysThenVatOnTheSum() {
        InvoiceDraft draft = InvoiceComputation.invoice(Invoices.company(Language.FR), YearMonth.of(2026, 10),
                LocalDate.of(2026, 11, 1), Invoices.TERMS);

        List<LineDraft> lines = draft.lines();
        assertEquals(4, lines.size(), lines.toString());
        // Whole month: one subscription at its price, two users × 5.00.
        assertLine(lines.get(0), LineKind.SUBSCRIPTION, "1.00", "29.00", "29.00");
        assertLine(lines.get(1), LineKind.SEATS, "2.00", "5.00", "10.00");
        // Started on the 12th: 20 days of 31 → 7.00 × 20 / 31 = 4.516… → 4.52, billed as one lot.
        assertLine(lines.get(2), LineKind.SUBSCRIPTION, "1.00", "4.52", "4.52");
        assertEquals("Notes de frais — abonnement, 20 jours sur 31", lines.get(2).label());
        // One user from the 20th: 12 user-days → 2.50 × 12 / 31 = 0.967… → 0.97.
        assertLine(lines.get(3), LineKind.SEATS, "1.00", "0.97", "0.97");
        assertEquals(LocalDate.of(2026, 10, 12), lines.get(3).from());

        assertEquals(new BigDecimal("44.49"), draft.totals().excludingVat());
        assertEquals(new BigDecimal("8.90"), draft.totals().vat());
        assertEquals(new BigDecimal("53.39"), draft.totals().includingVat());
        assertEquals(LocalDate.of(2026, 12, 1), draft.dueDate());
        assertEquals("30/2026-10", draft.monthlyKey());
    }

    @Test
    void labelsAreInTheLanguageOfTheBilledAccount() {
        InvoiceDraft draft = InvoiceComputation.invoice(Invoices.company(Language.EN), YearMonth.of(2026, 10),
                LocalDate.of(2026, 11, 1), Invoices.TERMS);

        assertEquals("Accounting — monthly subscription", draft.lines().get(0).label());
        assertEquals("Expense reports — user access, 12 user-days out of 31", draft.lines().get(3).label());
    }

    @Test
    void aMonthBeforeEverySubscriptionBillsNothing() {
        InvoiceDraft draft = InvoiceComputation.invoice(Invoices.company(Language.FR), YearMonth.of(2024, 12),
                LocalDate.of(2025, 1, 1), Invoices.TERMS);

        assertEquals(List.of(), draft.lines());
    }

    private static void assertLine(LineDraft line, LineKind kind, String quantity, String unitPrice, String amount) {
        assertEquals(kind, line.kind(), line.toString());
        assertEquals(new BigDecimal(quantity), line.quantity(), line.toString());
        assertEquals(new BigDecimal(unitPrice), line.unitPrice(), line.toString());
        assertEquals(new BigDecimal(amount), line.amount(), line.toString());
        // What a Factur-X reader recomputes must be what we bill.
        assertEquals(line.amount(), line.quantity().multiply(line.unitPrice()).setScale(2), line.toString());
    }
}
