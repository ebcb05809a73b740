package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationPrice;
import fr.moncompte.portal.domain.organisation.control.AccountClosing;
import fr.moncompte.portal.domain.organisation.entity.BillingArrangement;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;

/**
 * Makes what was planned for a month true when that month begins (issue 21): a company follows the billing
 * arrangement then in force (and with it who sees and changes it, rule 3), an application shows the prices then in
 * force; and the day after a closed account's last day, its people go ({@link AccountClosing}). Billing never waits for this: it reads the history of the billed month. Runs every ten minutes on each node
 * (what one node applied, the other finds done) and when asked (tests, and after an operator's change for this month).
 */
@Stateless
@PermitAll
public class DueChanges {

    private static final Logger LOG = Logger.getLogger(DueChanges.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    AccountClosing closing;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void onSchedule() {
        apply();
    }

    /** Applies what is due today; returns how many companies and applications changed. */
    public int apply() {
        return apply(LocalDate.now(clock));
    }

    /** Applies what is due on {@code today} (the schedule's today; tests name the first day of a month to come). */
    public int apply(LocalDate today) {
        List<BillingArrangement> arrangements = em.createNamedQuery(BillingArrangement.DUE, BillingArrangement.class)
                .setParameter("today", today).getResultStream().filter(a -> !a.isFollowed()).toList();
        for (BillingArrangement due : arrangements) {
            String before = "mode=" + due.getCompany().getBillingMode() + ", firm="
                    + (due.getCompany().getAccountingFirm() == null ? null
                    : due.getCompany().getAccountingFirm().getId());
            due.getCompany().billThrough(due.getBillingMode(), due.getAccountingFirm());
            audit.record(null, "BILLING_ARRANGEMENT_APPLIED", "COMPANY", due.getCompany().getId(), before,
                    due.describe(), null);
        }
        List<ApplicationPrice> prices = em.createNamedQuery(ApplicationPrice.DUE, ApplicationPrice.class)
                .setParameter("today", today).getResultStream().filter(p -> !p.isShown()).toList();
        for (ApplicationPrice due : prices) {
            String before = due.getApplication().describe();
            due.getApplication().reprice(due.getMonthlyCompanyPrice(), due.getMonthlySeatPrice());
            audit.record(null, "APPLICATION_PRICE_APPLIED", "APPLICATION", due.getApplication().getId(), before,
                    due.getApplication().describe(), null);
        }
        List<CustomerAccount> closings = em.createQuery("""
                        select a from CustomerAccount a where a.closedAt is not null and a.lastDay < :today
                        and a.peopleDisabledAt is null""", CustomerAccount.class)
                .setParameter("today", today).getResultList();
        closings.forEach(account -> closing.disablePeople(account, null));
        int changed = arrangements.size() + prices.size() + closings.size();
        if (changed > 0) {
            LOG.info(() -> "Applied " + arrangements.size() + " billing move(s) and " + prices.size()
                    + " price change(s) due on " + today + ".");
        }
        return changed;
    }
}
