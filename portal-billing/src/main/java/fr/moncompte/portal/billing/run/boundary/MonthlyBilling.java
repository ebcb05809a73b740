package fr.moncompte.portal.billing.run.boundary;

import fr.moncompte.portal.billing.invoice.control.BillingTerms;
import fr.moncompte.portal.billing.payment.control.PaymentRecording;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.logging.Logger;

/**
 * The portal's own billing work, on every node (non-persistent timers: Payara Micro has no persistent ones, and the
 * database lease picks the node that runs). Each night the previous month is run unless it has finished, so the run
 * starts on the first of the month and a run interrupted by a crash is completed the next night at the latest; then
 * invoices past their due date are marked overdue.
 */
@Singleton
public class MonthlyBilling {

    private static final Logger LOG = Logger.getLogger(MonthlyBilling.class.getName());

    @EJB
    BillingRuns runs;

    @EJB
    PaymentRecording payments;

    @Inject
    BillingTerms terms;

    @Schedule(hour = "3", minute = "0", persistent = false, info = "monthly billing run")
    void previousMonth() {
        LocalDate today = terms.today();
        runs.runIfUnfinished(YearMonth.from(today).minusMonths(1), today)
                .ifPresent(outcome -> LOG.info(() -> "Scheduled billing run: " + outcome));
    }

    @Schedule(hour = "4", minute = "0", persistent = false, info = "overdue invoices")
    void overdueInvoices() {
        int marked = payments.overdue(terms.today());
        LOG.info(() -> marked + " invoice(s) marked overdue");
    }
}
