package fr.moncompte.portal.billing.run.control;

import fr.moncompte.portal.billing.control.InvoiceNumber;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Goes through a month's companies chunk by chunk, each chunk in its own transaction, renewing the lease and the
 * progress after each. Outside any transaction itself: a run of 100,000 companies is many short transactions, not one
 * long one, which is also what makes it resumable.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunExecution {

    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());

    /** How a run ended: the invoices it issued, and whether it went through every company. */
    public record Outcome(long issued, boolean complete) {
    }

    @EJB
    InvoiceIssuing issuing;

    @EJB
    RunLease lease;

    @Inject
    @ConfigProperty(name = "portal.billing.chunk-size", defaultValue = "1000")
    int chunkSize;

    @Inject
    MetricRegistry metrics;

    @Asynchronous
    public void executeInBackground(YearMonth month, LocalDate issueDate, String holder) {
        try {
            execute(month, issueDate, holder);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The billing run of " + month + " stopped; run the month again to finish it", e);
        }
    }

    /** Runs the month under a lease the caller has taken, and gives the lease back at the end, whatever happens. */
    public Outcome execute(YearMonth month, LocalDate issueDate, String holder) {
        try {
            try {
                issuing.ensureCounter(InvoiceNumber.Kind.INVOICE, issueDate.getYear());
            } catch (EJBException raced) {
                LOG.fine(() -> "Another node created the counter of " + issueDate.getYear() + " first");
            }
            long after = 0;
            long issued = 0;
            while (true) {
                InvoiceIssuing.Chunk chunk = chunk(month, issueDate, after);
                issued += chunk.issued();
                // The chunk has committed (its own transaction): what it issued is issued.
                metrics.counter(Metadata.builder().withName("portal.invoices.issued")
                        .withDescription("Invoices issued by the monthly billing runs of this node").build())
                        .inc(chunk.issued());
                if (!lease.renew(holder, month, chunk.companies(), chunk.issued())) {
                    lease.fail(month, "Another node took the run over");
                    return new Outcome(issued, false);
                }
                if (chunk.last()) {
                    break;
                }
                after = chunk.lastCompanyId();
            }
            lease.finish(month);
            LOG.info(() -> "Billing run of " + month + " finished");
            return new Outcome(issued, true);
        } catch (RuntimeException e) {
            lease.fail(month, e.getClass().getSimpleName());
            throw e;
        } finally {
            lease.release(holder);
        }
    }

    /** A chunk, tried twice: a run of another node may have issued some of its companies between our read and write. */
    private InvoiceIssuing.Chunk chunk(YearMonth month, LocalDate issueDate, long after) {
        try {
            return issuing.issue(month, issueDate, after, chunkSize);
        } catch (EJBException first) {
            LOG.log(Level.WARNING, "A chunk of " + month + " after company " + after + " failed; trying it again",
                    first);
            return issuing.issue(month, issueDate, after, chunkSize);
        }
    }
}
