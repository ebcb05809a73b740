package fr.moncompte.portal.domain.catalogue.boundary;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.control.CatalogueChecks;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationDetails;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationPrice;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The operators' back-office for what is sold (SPEC §1): the catalogue of applications, with names in French and
 * English, monthly prices and whether each is on sale; and the applications configured on each company, with their
 * periods, which access can be granted to (rule 2) and which billing charges. Every change is audited (rule 7).
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Catalogue {

    static final String APPLICATION = "APPLICATION";
    static final String COMPANY = "COMPANY";

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Every application, on sale or not, by code. */
    public List<Application> applications() {
        return em.createQuery("select a from Application a order by a.code", Application.class).getResultList();
    }

    public Application application(long id) {
        Application application = em.find(Application.class, id);
        if (application == null) {
            throw new NotFound();
        }
        return application;
    }

    /** @throws FieldsRefused a field is refused, or the code is taken ({@code catalogue.code.taken}) */
    public Application create(ApplicationDetails typed, String sourceAddress) {
        ApplicationDetails checked = CatalogueChecks.check(typed);
        if (!em.createQuery("select a from Application a where a.code = :code", Application.class)
                .setParameter("code", checked.code()).getResultList().isEmpty()) {
            throw new FieldsRefused(List.of(new Problem("code", "catalogue.code.taken")));
        }
        Application application = new Application(checked);
        em.persist(application);
        try {
            // Two operators creating the same code at once: the unique code decides, here, not at commit.
            em.flush();
        } catch (PersistenceException taken) {
            throw new FieldsRefused(List.of(new Problem("code", "catalogue.code.taken")));
        }
        audit.record(callerId(), "APPLICATION_CREATED", APPLICATION, application.getId(), null,
                application.describe(), sourceAddress);
        return application;
    }

    /** As {@link #update(long, ApplicationDetails, YearMonth, String)}, new prices from this month. */
    public Application update(long id, ApplicationDetails typed, String sourceAddress) {
        return update(id, typed, null, sourceAddress);
    }

    /**
     * Changes names and sale at once, and prices from {@code pricesFrom} (this month when null) on: the billing run
     * prices each month with the prices then in force, so invoices issued, and reruns of months before, keep theirs
     * (issue 21). The code stays what it was (it names the application everywhere).
     *
     * @throws FieldsRefused a field is refused; {@code pricesFrom}: a month already past
     */
    public Application update(long id, ApplicationDetails typed, YearMonth pricesFrom, String sourceAddress) {
        Application application = em.find(Application.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new NotFound();
        }
        ApplicationDetails checked = CatalogueChecks.check(new ApplicationDetails(application.getCode(),
                typed.nameFr(), typed.nameEn(), typed.monthlyCompanyPrice(), typed.monthlySeatPrice(), typed.active()));
        YearMonth now = YearMonth.now(clock);
        YearMonth from = pricesFrom == null ? now : pricesFrom;
        if (from.isBefore(now)) {
            throw new FieldsRefused(List.of(new Problem("pricesFrom", "catalogue.pricesFrom.past")));
        }
        String before = application.describe();
        application.change(new ApplicationDetails(application.getCode(), checked.nameFr(), checked.nameEn(),
                application.getMonthlyCompanyPrice(), application.getMonthlySeatPrice(), checked.active()));
        String after = application.describe();
        if (!before.equals(after)) {
            audit.record(callerId(), "APPLICATION_CHANGED", APPLICATION, id, before, after, sourceAddress);
        }
        reprice(application, checked.monthlyCompanyPrice(), checked.monthlySeatPrice(), from, now, sourceAddress);
        return application;
    }

    /** An application's prices by month, newest first: empty while it has always cost what it costs now. */
    public List<ApplicationPrice> prices(long applicationId) {
        return em.createNamedQuery(ApplicationPrice.OF_APPLICATION, ApplicationPrice.class)
                .setParameter("applicationId", applicationId).getResultList();
    }

    private void reprice(Application application, BigDecimal companyPrice, BigDecimal seatPrice, YearMonth from,
                         YearMonth now, String sourceAddress) {
        List<ApplicationPrice> history = prices(application.getId());
        ApplicationPrice inForce = history.stream().filter(p -> !p.getMonth().isAfter(from)).findFirst().orElse(null);
        BigDecimal oldCompany = inForce == null ? application.getMonthlyCompanyPrice() : inForce.getMonthlyCompanyPrice();
        BigDecimal oldSeat = inForce == null ? application.getMonthlySeatPrice() : inForce.getMonthlySeatPrice();
        if (oldCompany.compareTo(companyPrice) == 0 && oldSeat.compareTo(seatPrice) == 0) {
            return;
        }
        Instant at = clock.instant();
        long caller = callerId();
        if (history.isEmpty()) {
            // The first change: what the application cost until now becomes its price "since always".
            inForce = new ApplicationPrice(application, ApplicationPrice.SINCE_ALWAYS,
                    application.getMonthlyCompanyPrice(), application.getMonthlySeatPrice(), at, null);
            em.persist(inForce);
        }
        String before = inForce.describe();
        ApplicationPrice changed;
        if (inForce.getMonth().equals(from)) {
            inForce.replace(companyPrice, seatPrice, at, caller);
            changed = inForce;
        } else {
            changed = new ApplicationPrice(application, from.atDay(1), companyPrice, seatPrice, at, caller);
            em.persist(changed);
        }
        if (!from.isAfter(now)) {
            application.reprice(companyPrice, seatPrice);
        }
        audit.record(caller, "APPLICATION_PRICE_CHANGED", APPLICATION, application.getId(), before,
                changed.describe(), sourceAddress);
    }

    /**
     * Subscribes a company to an application on sale, from {@code start} to {@code end} (open when null). Two
     * periods of one application on one company never overlap.
     *
     * @throws NotFound        no such company or application code
     * @throws PortalException {@code configuration.inactive}, {@code configuration.overlap}
     * @throws FieldsRefused   {@code start} missing, or {@code end} before it
     */
    public ConfiguredApplication configure(long companyId, String applicationCode, LocalDate start, LocalDate end,
                                           String sourceAddress) {
        Company company = em.find(Company.class, companyId, LockModeType.PESSIMISTIC_WRITE);
        Application application = em.createQuery("select a from Application a where a.code = :code",
                Application.class).setParameter("code", applicationCode).getResultStream().findFirst().orElse(null);
        if (company == null || application == null) {
            throw new NotFound();
        }
        checkPeriod(start, end);
        if (company.getCustomerAccount().isClosed()) {
            throw new PortalException("closing.closed");
        }
        if (!application.isActive()) {
            throw new PortalException("configuration.inactive");
        }
        boolean overlaps = configurations(companyId).stream()
                .filter(existing -> existing.getApplication().equals(application))
                .anyMatch(existing -> existing.overlaps(start, end));
        if (overlaps) {
            throw new PortalException("configuration.overlap");
        }
        ConfiguredApplication configured = new ConfiguredApplication(company, application, start, end);
        em.persist(configured);
        audit.record(callerId(), "APPLICATION_CONFIGURED", COMPANY, companyId, null, configured.describe(),
                sourceAddress);
        return configured;
    }

    /** Sets, moves or clears (null) the last day of a configured application, never before its first. */
    public ConfiguredApplication end(long companyId, long configurationId, LocalDate end, String sourceAddress) {
        ConfiguredApplication configured = em.find(ConfiguredApplication.class, configurationId);
        if (configured == null || configured.getCompany().getId() != companyId) {
            throw new NotFound();
        }
        em.lock(configured.getCompany(), LockModeType.PESSIMISTIC_WRITE);
        checkPeriod(configured.getStartDate(), end);
        LocalDate closedAfter = configured.getCompany().getCustomerAccount().getLastDay();
        if (closedAfter != null && (end == null || end.isAfter(closedAfter))) {
            // A closed account's subscriptions end by its last day: none runs past it again.
            throw new PortalException("closing.closed");
        }
        boolean overlaps = configurations(configured.getCompany().getId()).stream()
                .filter(other -> other != configured && other.getApplication().equals(configured.getApplication()))
                .anyMatch(other -> other.overlaps(configured.getStartDate(), end));
        if (overlaps) {
            throw new PortalException("configuration.overlap");
        }
        String before = configured.describe();
        configured.endOn(end);
        audit.record(callerId(), "APPLICATION_CONFIGURATION_CHANGED", COMPANY, configured.getCompany().getId(),
                before, configured.describe(), sourceAddress);
        return configured;
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (start == null) {
            throw new FieldsRefused(List.of(new Problem("start", "configuration.start.required")));
        }
        if (end != null && end.isBefore(start)) {
            throw new FieldsRefused(List.of(new Problem("end", "configuration.end.beforeStart")));
        }
    }

    private List<ConfiguredApplication> configurations(long companyId) {
        return em.createQuery("select cfg from ConfiguredApplication cfg where cfg.company.id = :companyId",
                ConfiguredApplication.class).setParameter("companyId", companyId).getResultList();
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
