package fr.moncompte.portal.billing.demo.boundary;

import fr.moncompte.portal.billing.invoice.control.BillingTerms;
import fr.moncompte.portal.billing.run.boundary.BillingRuns;
import fr.moncompte.portal.billing.schema.boundary.BillingSchema;
import fr.moncompte.portal.domain.schema.boundary.DomainSchema;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.YearMonth;

/**
 * The quick start's invoices, made the way production makes them: the real billing run over each of the last twelve
 * months (issued on the first of the next month, so numbers follow dates), then payments as a year of customers
 * would leave them: most paid, the last month's pending, one direct debit rejected, one invoice late, and one
 * invoice cancelled by a credit note and refunded. Only where {@code portal.demo-data=true}, and once.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoInvoices {

    @Inject
    @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
    boolean demoData;

    @EJB
    DomainSchema domainSchema;

    @EJB
    BillingSchema billingSchema;

    @EJB
    BillingRuns runs;

    @EJB
    DemoPayments payments;

    @Inject
    BillingTerms terms;

    @PostConstruct
    void issue() {
        if (!demoData) {
            return;
        }
        domainSchema.ready();
        billingSchema.ready();
        if (payments.anyInvoice()) {
            return;
        }
        YearMonth current = YearMonth.from(terms.today());
        for (int back = 12; back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            runs.runIfUnfinished(month, month.plusMonths(1).atDay(1));
        }
        payments.settle(current, terms.today());
    }
}
