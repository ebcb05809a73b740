package fr.moncompte.portal.web.exports;

import fr.moncompte.portal.billing.invoice.boundary.InvoiceFilter;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceOrder;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceState;
import fr.moncompte.portal.billing.invoice.entity.PaymentState;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * "Factures" as CSV, filtered as on screen ({@code ?company=&from=2026-01&to=2026-12&state=&payment=}, each optional
 * and a malformed one ignored as the page ignores it), in the caller's scope ({@link Invoices}). Amounts are written
 * with a decimal comma in French, so that a French spreadsheet adds them up.
 */
@WebServlet("/invoices/export.csv")
public class InvoicesExport extends CsvExport<Invoice> {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Invoices invoices;

    @Override
    protected String name(Locale locale) {
        return text(locale, "exports.invoices.file");
    }

    @Override
    protected List<String> headers() {
        return List.of("invoices.number", "exports.invoices.kind", "invoices.company", "companies.siren", "invoices.month",
                "invoices.issueDate", "invoices.dueDate", "exports.invoices.excludingVat", "invoices.total",
                "invoices.state", "invoices.paymentState");
    }

    @Override
    protected List<Invoice> rows(HttpServletRequest request, int first, Invoice last, int max) {
        return invoices.find(filter(request), InvoiceOrder.ISSUE_DATE, false, first, max);
    }

    static InvoiceFilter filter(HttpServletRequest request) {
        return new InvoiceFilter(id(request.getParameter("company")), month(request.getParameter("from")),
                month(request.getParameter("to")), constant(InvoiceState.class, request.getParameter("state")),
                constant(PaymentState.class, request.getParameter("payment")));
    }

    @Override
    protected Object[] cells(Invoice i, Locale locale) {
        return new Object[]{i.getNumber(), text(locale, "invoice.kind." + i.getKind()), i.getCompanyName(),
                i.getCompanySiren(), i.getBilledMonth(), i.getIssueDate(), i.getDueDate(),
                amount(i.getTotalExcludingVat(), locale), amount(i.getTotalIncludingVat(), locale),
                text(locale, "invoice.state." + i.getState()),
                text(locale, "invoice.payment." + i.getPaymentState())};
    }

    /** "1234,56" in French, "1234.56" in English: a number a spreadsheet of that language reads. */
    static String amount(java.math.BigDecimal value, Locale locale) {
        String plain = value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return "fr".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }

    private static Long id(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Long.valueOf(typed.strip());
        } catch (NumberFormatException ignored) {
            return null;
        }
    }

    private static YearMonth month(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : YearMonth.parse(typed.strip());
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Enum.valueOf(type, typed.strip());
        } catch (IllegalArgumentException ignored) {
            return null;
        }
    }
}
