package fr.moncompte.portal.web.invoices;

import fr.moncompte.portal.billing.invoice.boundary.CompanyOption;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceFilter;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceOrder;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceState;
import fr.moncompte.portal.billing.invoice.entity.PaymentState;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The invoices list of "Mon compte › Factures" (every invoice of the accounts the person administers) and of
 * "Entreprises › Factures" (one company's): filtered by company, period, invoice state and payment state, sorted and
 * paged by the database. The filter is read from the query string too, so a filtered list can be bookmarked.
 */
@Named
@ViewScoped
public class InvoiceListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;
    static final int MONTHS_OFFERED = 24;

    @EJB
    Invoices invoices;

    @Inject
    PageMessages messages;

    @Inject
    TimeDisplay time;

    @Inject
    fr.moncompte.portal.web.i18n.LocaleSelection localeSelection;

    private Long restrictedTo;
    private Long company;
    private String from;
    private String to;
    private InvoiceState state;
    private PaymentState paymentState;
    private InvoiceFilter filter = InvoiceFilter.ALL;

    private final LazyDataModel<Invoice> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, invoices.count(filter));
        }

        @Override
        public List<Invoice> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
            InvoiceOrder order = sort == null ? InvoiceOrder.ISSUE_DATE : order(sort.getField());
            boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
            return invoices.find(filter, order, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(Invoice invoice) {
            return String.valueOf(invoice.getId());
        }
    };

    static InvoiceOrder order(String field) {
        return switch (field == null ? "" : field) {
            case "number" -> InvoiceOrder.NUMBER;
            case "companyName" -> InvoiceOrder.COMPANY;
            case "totalIncludingVat" -> InvoiceOrder.TOTAL;
            case "dueDate" -> InvoiceOrder.DUE_DATE;
            case "paymentState" -> InvoiceOrder.PAYMENT_STATE;
            default -> InvoiceOrder.ISSUE_DATE;
        };
    }

    /** "Entreprises › Factures": only this company's invoices (the page has checked it is in scope). */
    public void restrictTo(long companyId) {
        restrictedTo = companyId;
        apply();
    }

    /** Reads the filter fields; a period that ends before it starts is refused and the list left as it was. */
    public void apply() {
        YearMonth start = month(from);
        YearMonth end = month(to);
        if (start != null && end != null && end.isBefore(start)) {
            messages.fieldError("invoiceFilter:to", "invoices.filter.periodReversed");
            return;
        }
        filter = new InvoiceFilter(restrictedTo != null ? restrictedTo : company, start, end, state, paymentState);
    }

    private transient fr.moncompte.portal.web.charts.MonthChart chart;

    /** The amounts invoiced over the last twelve months, of this company or of every invoice in scope. */
    public fr.moncompte.portal.web.charts.MonthChart getChart() {
        if (chart == null) {
            chart = fr.moncompte.portal.web.charts.Charts.invoiced(invoices.twelveMonths(restrictedTo,
                    java.time.YearMonth.now().minusMonths(1)), localeSelection.getLocale());
        }
        return chart;
    }

    /** The CSV of the list as filtered on screen. */
    public String getExportQuery() {
        InvoiceFilter shown = filter == null ? InvoiceFilter.ALL : filter;
        return fr.moncompte.portal.web.exports.ExportLinks.query("company", shown.companyId(), "from", shown.from(),
                "to", shown.to(), "state", shown.state(), "payment", shown.paymentState());
    }

    public void clear() {
        company = null;
        from = null;
        to = null;
        state = null;
        paymentState = null;
        apply();
    }

    private static YearMonth month(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The months the period filter offers: the last two years, most recent first. */
    public List<YearMonth> getMonths() {
        List<YearMonth> months = new ArrayList<>();
        YearMonth month = YearMonth.from(time.today());
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            months.add(month.minusMonths(i));
        }
        return months;
    }

    public List<CompanyOption> getCompanies() {
        return restrictedTo == null ? invoices.companies() : List.of();
    }

    public InvoiceState[] getStates() {
        return InvoiceState.values();
    }

    public PaymentState[] getPaymentStates() {
        return PaymentState.values();
    }

    public LazyDataModel<Invoice> getModel() {
        return model;
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    public boolean isRestricted() {
        return restrictedTo != null;
    }

    public Long getCompany() {
        return company;
    }

    public void setCompany(Long company) {
        this.company = company;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public InvoiceState getState() {
        return state;
    }

    public void setState(InvoiceState state) {
        this.state = state;
    }

    public PaymentState getPaymentState() {
        return paymentState;
    }

    public void setPaymentState(PaymentState paymentState) {
        this.paymentState = paymentState;
    }
}
