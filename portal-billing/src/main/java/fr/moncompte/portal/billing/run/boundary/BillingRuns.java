package fr.moncompte.portal.billing.run.boundary;

import fr.moncompte.portal.billing.invoice.control.BillingTerms;
import fr.moncompte.portal.billing.run.control.RunExecution;
import fr.moncompte.portal.billing.run.control.RunLease;
import fr.moncompte.portal.billing.run.entity.BillingRun;
import fr.moncompte.portal.billing.run.entity.RunState;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.boundary.AuditRecords;
import fr.moncompte.portal.domain.billable.boundary.BillableCompanies;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Monthly billing runs (SPEC §5): started by an operator for a month that is over, or by the schedule, one at a time
 * across nodes; the operator follows the progress while it runs in the background. Running a finished month again is
 * allowed and issues nothing new.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class BillingRuns {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    RunLease lease;

    @EJB
    RunExecution execution;

    @EJB
    BillableCompanies billable;

    @EJB
    AuditRecords audit;

    @Inject
    BillingTerms terms;

    /** Starts the month's run in the background, or says why not (month not over, a run already going). */
    public BillingRun start(YearMonth month, String sourceAddress) {
        LocalDate today = terms.today();
        if (!month.isBefore(YearMonth.from(today))) {
            throw new PortalException("billing.run.monthNotOver");
        }
        String holder = UUID.randomUUID().toString();
        if (!lease.acquire(holder)) {
            throw new PortalException("billing.run.busy");
        }
        long operator = Long.parseLong(session.getCallerPrincipal().getName());
        lease.begin(month, billable.count(month), operator);
        audit.record(operator, "BILLING_RUN_STARTED", "BILLING_RUN", month, null, null, sourceAddress);
        execution.executeInBackground(month, today, holder);
        return em.find(BillingRun.class, month.atDay(1));
    }

    public Optional<BillingRun> run(YearMonth month) {
        return Optional.ofNullable(em.find(BillingRun.class, month.atDay(1)));
    }

    /** The latest runs, most recent month first. */
    public List<BillingRun> recent(int max) {
        return em.createQuery("select r from BillingRun r order by r.billedMonth desc", BillingRun.class)
                .setMaxResults(max).getResultList();
    }

    /**
     * Runs a month now, in the caller's thread, unless it has finished already or another node holds the run: what
     * the schedule and the demo data use. No role: it is the portal's own work.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<RunExecution.Outcome> runIfUnfinished(YearMonth month, LocalDate issueDate) {
        BillingRun last = em.find(BillingRun.class, month.atDay(1));
        if (last != null && last.getState() == RunState.FINISHED) {
            return Optional.empty();
        }
        String holder = UUID.randomUUID().toString();
        if (!lease.acquire(holder)) {
            return Optional.empty();
        }
        lease.begin(month, billable.count(month), null);
        return Optional.of(execution.execute(month, issueDate, holder));
    }
}
