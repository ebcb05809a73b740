package fr.moncompte.portal.web.operations;

import fr.moncompte.portal.billing.run.boundary.BillingRuns;
import fr.moncompte.portal.billing.run.entity.BillingRun;
import fr.moncompte.portal.billing.run.entity.RunState;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Back-office › Facturation: an operator runs a month that is over and follows its progress (the page polls while the
 * run goes on in the background); the latest runs and how they ended are listed.
 */
@Named
@ViewScoped
public class BillingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BillingRuns runs;

    @Inject
    PageMessages messages;

    @Inject
    TimeDisplay time;

    @EJB
    fr.moncompte.portal.billing.invoice.boundary.Invoices invoices;

    @Inject
    fr.moncompte.portal.web.i18n.LocaleSelection localeSelection;

    private transient fr.moncompte.portal.web.charts.MonthChart issuedChart;
    private transient String overdue;

    /** Invoices issued (and paid) per billed month over the last twelve months, every account's. */
    public fr.moncompte.portal.web.charts.MonthChart getIssuedChart() {
        if (issuedChart == null) {
            issuedChart = fr.moncompte.portal.web.charts.Charts.issued(invoices.twelveMonths(null,
                    java.time.YearMonth.now().minusMonths(1)), localeSelection.getLocale());
        }
        return issuedChart;
    }

    /** What the overdue invoices add up to, incl. VAT. */
    public String getOverdueTotal() {
        if (overdue == null) {
            overdue = time.money(invoices.overdueTotal());
        }
        return overdue;
    }

    private String month;
    private YearMonth followed;
    /** The run as read once for this request: every figure of the progress comes from the same read. */
    private transient Optional<BillingRun> current;

    /** The months an operator may run: those that are over, the last two years. */
    public List<YearMonth> getMonths() {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(time.today()).minusMonths(1);
        for (int i = 0; i < 24; i++) {
            months.add(last.minusMonths(i));
        }
        return months;
    }

    public void start() {
        YearMonth chosen;
        try {
            chosen = YearMonth.parse(month == null ? "" : month);
        } catch (java.time.format.DateTimeParseException e) {
            messages.fieldError("run:month", "billing.run.monthRequired");
            return;
        }
        try {
            runs.start(chosen, FacesRequests.sourceAddress());
            followed = chosen;
            current = null;
            messages.formInfo("run", "billing.run.started", time.month(chosen));
        } catch (PortalException refused) {
            messages.formError("run", refused.messageKey());
        }
    }

    /** The run the page follows: the one started here, else one going on, else the latest month's. */
    public Optional<BillingRun> getCurrent() {
        if (current == null) {
            if (followed != null) {
                current = runs.run(followed);
            } else {
                List<BillingRun> recent = runs.recent(12);
                current = recent.stream().filter(run -> run.getState() == RunState.RUNNING).findFirst()
                        .or(() -> recent.stream().findFirst());
            }
        }
        return current;
    }

    /** Each poll reads the run anew, once. */
    public void refresh() {
        current = null;
    }

    public boolean isRunning() {
        return getCurrent().map(run -> run.getState() == RunState.RUNNING).orElse(false);
    }

    public List<BillingRun> getRecent() {
        return runs.recent(12);
    }

    public String getMonth() {
        if (month == null) {
            month = YearMonth.from(time.today()).minusMonths(1).toString();
        }
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }
}
