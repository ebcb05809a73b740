package fr.moncompte.portal.billing.run.control;

import fr.moncompte.portal.billing.run.entity.BillingRun;
import fr.moncompte.portal.domain.schema.boundary.DomainSchema;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One run at a time across nodes, with the database as the referee (persistent EJB timers are not available on
 * Payara Micro): a node takes the lease row when it is free or expired, renews it after every chunk, and gives it back
 * at the end. A node that dies lets the lease expire, and the next run takes over. Each step commits on its own.
 * The lease is the courtesy; correctness does not rest on it: issuing locks the numbering counter and the database
 * refuses a company's second invoice for a month.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunLease {

    @Resource(lookup = DomainSchema.DATASOURCE)
    DataSource dataSource;

    private static final Logger LOG = Logger.getLogger(RunLease.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "portal.billing.lease-seconds", defaultValue = "30")
    long leaseSeconds;

    /**
     * Takes the lease if nobody holds it or its holder has stopped renewing it. Two nodes asking at the same moment
     * may see the database refuse the second update as concurrent (H2 does): that node simply did not get it.
     */
    public boolean acquire(String holder) {
        Instant now = clock.instant();
        try {
            return update("""
                    update billing_lease set holder = ?, expires_at = ?
                    where name = 'run' and (holder is null or expires_at < ?)""",
                    holder, Timestamp.from(now.plusSeconds(leaseSeconds)), Timestamp.from(now)) == 1;
        } catch (IllegalStateException contested) {
            LOG.log(Level.INFO, "The billing lease was taken by another run meanwhile", contested);
            context.setRollbackOnly();
            return false;
        }
    }

    /** Records a chunk's progress and extends the lease; false when another node has taken it over meanwhile. */
    public boolean renew(String holder, YearMonth month, int companies, int issued) {
        boolean held = update("update billing_lease set expires_at = ? where name = 'run' and holder = ?",
                Timestamp.from(clock.instant().plusSeconds(leaseSeconds)), holder) == 1;
        BillingRun run = em.find(BillingRun.class, month.atDay(1));
        if (run != null) {
            run.advance(companies, issued);
        }
        return held;
    }

    public void release(String holder) {
        update("update billing_lease set holder = null, expires_at = null where name = 'run' and holder = ?",
                holder);
    }

    /** Starts the month's progress record (a new one, or the month's previous one reset). */
    public void begin(YearMonth month, long companies, Long operator) {
        BillingRun run = em.find(BillingRun.class, month.atDay(1));
        if (run == null) {
            run = new BillingRun(month, clock.instant());
            em.persist(run);
        }
        run.start(companies, operator, clock.instant());
    }

    public void finish(YearMonth month) {
        BillingRun run = em.find(BillingRun.class, month.atDay(1));
        if (run != null) {
            run.finish(clock.instant());
        }
    }

    public void fail(YearMonth month, String reason) {
        BillingRun run = em.find(BillingRun.class, month.atDay(1));
        if (run != null) {
            run.fail(reason, clock.instant());
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the billing lease", e);
        }
    }
}
