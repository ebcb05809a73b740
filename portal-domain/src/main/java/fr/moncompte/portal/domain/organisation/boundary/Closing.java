package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.control.AccountClosing;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import fr.moncompte.portal.domain.organisation.entity.BillingArrangement;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a customer relationship (issue 21), for operators. A company's subscriptions end at a last day: the run
 * of that month bills them prorated to it, a final invoice, and nothing after. A customer account is closed at a last
 * day: every subscription of its companies ends then, nothing new is added to it, and the day after, its people who
 * belong nowhere else are disabled and their sessions end (those who belong to other accounts just leave this one,
 * {@link AccountClosing}, applied by {@link DueChanges}). Its invoices
 * stay for the legal period ({@code portal.retention.closed-accounts}, ten years by default, Code de commerce
 * L123-22), after which the retention job erases its people's data. Everything is audited.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Closing {

    static final String ACCOUNT = "CUSTOMER_ACCOUNT";
    static final String COMPANY = "COMPANY";

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    AccountClosing closing;

    @Inject
    @ConfigProperty(name = "portal.retention.closed-accounts", defaultValue = "P10Y")
    Period invoicesKept;

    /**
     * Ends every subscription of the company at {@code lastDay} (one that had not begun by then is removed); answers
     * how many changed.
     *
     * @throws NotFound     no such company
     * @throws FieldsRefused {@code lastDay}: missing, or in a month already past (already billed)
     */
    public int endSubscriptions(long companyId, LocalDate lastDay, String sourceAddress) {
        Company company = em.find(Company.class, companyId, LockModeType.PESSIMISTIC_WRITE);
        if (company == null) {
            throw new NotFound();
        }
        checkLastDay(lastDay);
        int changed = endAll(company, lastDay);
        audit.record(callerId(), "COMPANY_SUBSCRIPTIONS_ENDED", COMPANY, companyId, null,
                "lastDay=" + lastDay + ", subscriptions=" + changed, sourceAddress);
        return changed;
    }

    /**
     * Closes a customer account at {@code lastDay}.
     *
     * @throws NotFound        no such account
     * @throws FieldsRefused   {@code lastDay}: missing, or in a month already past
     * @throws PortalException {@code closing.closed} (closed already), {@code closing.firmStillBills} (a firm through
     *                         which companies are still billed: move them first)
     */
    public CustomerAccount close(long accountId, LocalDate lastDay, String sourceAddress) {
        CustomerAccount account = em.find(CustomerAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFound();
        }
        checkLastDay(lastDay);
        if (account.isClosed()) {
            throw new PortalException("closing.closed");
        }
        if (account.getKind() == AccountKind.FIRM && stillBills(accountId, lastDay)) {
            throw new PortalException("closing.firmStillBills");
        }
        long me = callerId();
        List<Company> companies = em.createQuery("select c from Company c where c.customerAccount.id = :account",
                Company.class).setParameter("account", accountId).getResultList();
        int subscriptions = 0;
        for (Company company : companies) {
            em.lock(company, LockModeType.PESSIMISTIC_WRITE);
            subscriptions += endAll(company, lastDay);
        }
        Instant now = clock.instant();
        account.close(now, lastDay, lastDay.plus(invoicesKept));
        audit.record(me, "CUSTOMER_ACCOUNT_CLOSED", ACCOUNT, accountId, null, "lastDay=" + lastDay
                + ", anonymiseAfter=" + account.getAnonymiseAfter() + ", subscriptions=" + subscriptions,
                sourceAddress);
        if (lastDay.isBefore(LocalDate.now(clock))) {
            // The last day has passed already (earlier this month): its people go now, not at the next schedule.
            closing.disablePeople(account, me);
        }
        return account;
    }

    private int endAll(Company company, LocalDate lastDay) {
        List<ConfiguredApplication> configured = new ArrayList<>(em.createQuery(
                "select cfg from ConfiguredApplication cfg where cfg.company.id = :id", ConfiguredApplication.class)
                .setParameter("id", company.getId()).getResultList());
        int changed = 0;
        for (ConfiguredApplication cfg : configured) {
            if (cfg.getStartDate().isAfter(lastDay)) {
                em.remove(cfg);
                changed++;
            } else if (cfg.getEndDate() == null || cfg.getEndDate().isAfter(lastDay)) {
                cfg.endOn(lastDay);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Whether a company would still be billed through this firm after the last day's month: the arrangement in force
     * the month after it, or any planned later, names the firm (a company never moved: its own columns).
     */
    private boolean stillBills(long firmAccountId, LocalDate lastDay) {
        LocalDate after = YearMonth.from(lastDay).plusMonths(1).atDay(1);
        List<Company> concerned = em.createQuery("""
                        select distinct c from Company c left join c.accountingFirm f
                        where (c.billingMode = :firm and f.customerAccount.id = :account)
                        or exists (select a from BillingArrangement a where a.company = c
                                   and a.billingMode = :firm and a.accountingFirm.customerAccount.id = :account)""",
                        Company.class)
                .setParameter("firm", BillingMode.FIRM).setParameter("account", firmAccountId).getResultList();
        for (Company company : concerned) {
            List<BillingArrangement> history = em.createNamedQuery(BillingArrangement.OF_COMPANY,
                    BillingArrangement.class).setParameter("companyId", company.getId()).getResultList();
            if (history.isEmpty()) {
                return true;
            }
            BillingArrangement inForce = history.get(0);
            for (BillingArrangement arrangement : history) {
                if (!arrangement.getEffectiveFrom().isAfter(after)) {
                    inForce = arrangement;
                } else if (throughFirm(arrangement, firmAccountId)) {
                    return true;
                }
            }
            if (throughFirm(inForce, firmAccountId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean throughFirm(BillingArrangement arrangement, long firmAccountId) {
        return arrangement.getBillingMode() == BillingMode.FIRM
                && arrangement.getAccountingFirm().getCustomerAccount().getId() == firmAccountId;
    }

    private void checkLastDay(LocalDate lastDay) {
        if (lastDay == null) {
            throw new FieldsRefused(List.of(new Problem("lastDay", "closing.lastDay.required")));
        }
        if (YearMonth.from(lastDay).isBefore(YearMonth.now(clock))) {
            throw new FieldsRefused(List.of(new Problem("lastDay", "closing.lastDay.past")));
        }
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
