package fr.moncompte.portal.billing.invoice.control;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.BillableCompany;
import fr.moncompte.portal.domain.billable.boundary.Party;
import fr.moncompte.portal.domain.billable.boundary.Seat;
import fr.moncompte.portal.domain.billable.boundary.Subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Invoices as the tests need them, computed the way a run computes them. */
public final class Invoices {

    public static final InvoiceComputation.Terms TERMS = new InvoiceComputation.Terms(
            new Party("Inexweb SAS", "732829320", "FR44732829320", "10 rue de la République", "69001", "Lyon", "FR"),
            "SAS au capital de 100 000 € · RCS Lyon 732 829 320", new BigDecimal("0.20"), 30);

    private Invoices() {
    }

    /** A company with two applications, one started mid-month, and three users, one of them for part of it. */
    public static BillableCompany company(Language language) {
        return new BillableCompany(30, "Boulangerie Martin SARL", "443061841", 11, language,
                new Party("Boulangerie Martin SARL", "443061841", "FR83443061841", "12 rue des Fours", "69002", "Lyon",
                        "FR"),
                List.of(new Subscription("COMPTA", "Comptabilité", "Accounting", new BigDecimal("29.00"),
                                new BigDecimal("5.00"), LocalDate.of(2025, 1, 1), null),
                        new Subscription("NDF", "Notes de frais", "Expense reports", new BigDecimal("7.00"),
                                new BigDecimal("2.50"), LocalDate.of(2026, 10, 12), null)),
                List.of(new Seat("COMPTA", LocalDate.of(2025, 1, 5), null),
                        new Seat("COMPTA", LocalDate.of(2025, 3, 1), null),
                        new Seat("NDF", LocalDate.of(2026, 10, 20), null)));
    }

    public static Invoice issued(Language language) {
        YearMonth month = YearMonth.of(2026, 10);
        return new Invoice(1001, "F2026-000042",
                InvoiceComputation.invoice(company(language), month, LocalDate.of(2026, 11, 1), TERMS),
                Instant.parse("2026-11-01T01:00:00Z"));
    }
}
