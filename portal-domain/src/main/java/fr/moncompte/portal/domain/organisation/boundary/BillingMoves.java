package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.entity.AccountingFirm;
import fr.moncompte.portal.domain.organisation.entity.BillingArrangement;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A company's billing moves (issue 21): an operator puts it under a firm (FIRM), back to DIRECT, or from one firm to
 * another, from a chosen month, this one or a later one: months already begun stay as they were billed. The billing
 * run bills each month by the arrangement then in force ({@code BillableCompanies}); the company follows the new one
 * from the first day of its month (at once for this month, else {@link DueChanges}), and with it who sees and changes
 * the company (SPEC §4 rule 3). The history is kept and shown; the administrators of the client's account and of
 * each firm concerned are told ({@code BILLING_ARRANGEMENT_CHANGED}).
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class BillingMoves {

    static final String COMPANY = "COMPANY";
    /** How far ahead a move may be planned. */
    static final int MONTHS_AHEAD = 24;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    Scope scope;

    @EJB
    ApplicationEvents events;

    /**
     * Records that {@code companyId} is billed as {@code mode} (through {@code firmId}, required for FIRM and optional
     * for DIRECT: a firm may keep the books of a company that pays its own invoices) from {@code from} on. A move for a
     * month that has one already replaces it.
     *
     * @throws NotFound        no such company
     * @throws FieldsRefused   {@code from}: missing, past or too far; {@code firm}: missing for FIRM, or unknown
     * @throws PortalException {@code billingMoves.unchanged} when the company is billed so already from that month
     */
    public BillingArrangement move(long companyId, BillingMode mode, Long firmId, YearMonth from,
                                   String sourceAddress) {
        Company company = em.find(Company.class, companyId, LockModeType.PESSIMISTIC_WRITE);
        if (company == null) {
            throw new NotFound();
        }
        YearMonth now = YearMonth.now(clock);
        if (from == null) {
            throw new FieldsRefused(List.of(new Problem("from", "billingMoves.from.required")));
        }
        if (from.isBefore(now)) {
            throw new FieldsRefused(List.of(new Problem("from", "billingMoves.from.past")));
        }
        if (from.isAfter(now.plusMonths(MONTHS_AHEAD))) {
            throw new FieldsRefused(List.of(new Problem("from", "billingMoves.from.tooFar")));
        }
        BillingMode chosen = mode == null ? BillingMode.DIRECT : mode;
        AccountingFirm firm = firmId == null ? null : em.find(AccountingFirm.class, firmId);
        if (firmId != null && firm == null) {
            throw new FieldsRefused(List.of(new Problem("firm", "billingMoves.firm.unknown")));
        }
        if (company.getCustomerAccount().isClosed()) {
            throw new PortalException("closing.closed");
        }
        if (firm != null) {
            // Locked as closing it locks it: a firm is not closed while a company is moved to it.
            em.lock(firm.getCustomerAccount(), LockModeType.PESSIMISTIC_WRITE);
        }
        if (firm != null && firm.getCustomerAccount().isClosed()) {
            throw new FieldsRefused(List.of(new Problem("firm", "billingMoves.firm.closed")));
        }
        if (chosen == BillingMode.FIRM && firm == null) {
            throw new FieldsRefused(List.of(new Problem("firm", "billingMoves.firm.required")));
        }
        List<BillingArrangement> history = history(company);
        Instant at = clock.instant();
        Long caller = callerId();
        if (history.isEmpty()) {
            // The first move: what the company's columns said becomes its arrangement "since always".
            BillingArrangement always = new BillingArrangement(company, BillingArrangement.SINCE_ALWAYS,
                    company.getBillingMode(), company.getAccountingFirm(), at, null);
            em.persist(always);
            history = List.of(always);
        }
        BillingArrangement before = inForce(history, from.minusMonths(1));
        BillingArrangement sameMonth = history.stream().filter(a -> a.getMonth().equals(from)).findFirst()
                .orElse(null);
        BillingArrangement previous = sameMonth == null ? before : sameMonth;
        if (previous.getBillingMode() == chosen && sameFirm(previous.getAccountingFirm(), firm)) {
            throw new PortalException("billingMoves.unchanged");
        }
        String was = previous.describe();
        AccountingFirm oldFirm = previous.getAccountingFirm();
        BillingMode oldMode = previous.getBillingMode();
        BillingArrangement moved;
        if (sameMonth != null) {
            sameMonth.replace(chosen, firm, at, caller);
            moved = sameMonth;
        } else {
            moved = new BillingArrangement(company, from.atDay(1), chosen, firm, at, caller);
            em.persist(moved);
        }
        if (!from.isAfter(now)) {
            company.billThrough(chosen, firm);
        }
        audit.record(caller, "BILLING_ARRANGEMENT_CHANGED", COMPANY, companyId, was, moved.describe(),
                sourceAddress);
        events.publish(event(company, from, chosen, firm, oldMode, oldFirm, caller, at));
        return moved;
    }

    /**
     * The company's arrangements by month, oldest first: empty when it has always been billed as it is now. Operators
     * and the administrators who see the company read it.
     *
     * @throws NotFound outside the caller's scope
     */
    @RolesAllowed({Roles.OPERATOR, Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public List<BillingArrangement> history(long companyId) {
        return history(scope.company(Caller.of(session), companyId));
    }

    /**
     * The moves still to come that concern the caller: of the companies of the accounts they administer, or to or
     * from the firms whose accounts they administer (every one for an operator), by month. "Entreprises" announces
     * them, so that a firm knows which companies it will administer from when.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
    public List<BillingArrangement> upcoming() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (session.isCallerInRole(Roles.OPERATOR)) {
            return em.createQuery("""
                            select a from BillingArrangement a where a.effectiveFrom > :today
                            order by a.effectiveFrom, a.company.legalNameKey""", BillingArrangement.class)
                    .setParameter("today", today).setMaxResults(100).getResultList();
        }
        List<Long> mine = em.createQuery("""
                        select a.id from CustomerAccount a join a.administrators u where u.id = :me""", Long.class)
                .setParameter("me", callerId()).getResultList();
        if (mine.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select a from BillingArrangement a join a.company c left join a.accountingFirm f
                        left join c.accountingFirm cf
                        where a.effectiveFrom > :today and (c.customerAccount.id in :mine
                        or f.customerAccount.id in :mine or cf.customerAccount.id in :mine)
                        order by a.effectiveFrom, c.legalNameKey""", BillingArrangement.class)
                .setParameter("today", today).setParameter("mine", mine).setMaxResults(100).getResultList();
    }

    private List<BillingArrangement> history(Company company) {
        return em.createNamedQuery(BillingArrangement.OF_COMPANY, BillingArrangement.class)
                .setParameter("companyId", company.getId()).getResultList();
    }

    private static BillingArrangement inForce(List<BillingArrangement> history, YearMonth month) {
        BillingArrangement found = history.get(0);
        for (BillingArrangement arrangement : history) {
            if (!arrangement.getMonth().isAfter(month)) {
                found = arrangement;
            }
        }
        return found;
    }

    private static boolean sameFirm(AccountingFirm a, AccountingFirm b) {
        return a == null ? b == null : b != null && a.getId().equals(b.getId());
    }

    /**
     * Tells the client's account and every firm concerned, before and after. Firm names are no person's data: the
     * notice names the party that receives the invoices from then on.
     */
    private static DomainEvent event(Company company, YearMonth from, BillingMode mode, AccountingFirm firm,
                                     BillingMode oldMode, AccountingFirm oldFirm, Long caller, Instant at) {
        Set<Long> accounts = new LinkedHashSet<>();
        accounts.add(company.getCustomerAccount().getId());
        if (oldFirm != null) {
            accounts.add(oldFirm.getCustomerAccount().getId());
        }
        if (firm != null) {
            accounts.add(firm.getCustomerAccount().getId());
        }
        String billedTo = mode == BillingMode.FIRM ? firm.getName() : company.getCustomerAccount().getName();
        return new DomainEvent(UUID.randomUUID(), AccountEventType.BILLING_ARRANGEMENT_CHANGED.name(), at, caller,
                Map.of(DomainEvent.COMPANY, Long.toString(company.getId()),
                        DomainEvent.CUSTOMER_ACCOUNTS, accounts.stream().map(String::valueOf)
                                .collect(Collectors.joining(",")),
                        DomainEvent.MONTH, from.toString(),
                        DomainEvent.BILLING_MODE, mode.name(),
                        DomainEvent.BILLED_TO, billedTo,
                        DomainEvent.PREVIOUS_BILLING_MODE, oldMode.name()));
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
