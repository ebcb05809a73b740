package fr.moncompte.portal.domain.audit.boundary;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.audit.entity.AuditEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' audit log (SPEC §1): every change, newest first, filtered by actor, company, action and period,
 * paged by the database.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class AuditTrail {

    /**
     * What to show: all fields optional. The actor is an e-mail address (any case) or an account id; a company
     * matches the events about it and about its members' accounts; days are whole days in the portal's time zone.
     */
    public record Filter(String actor, Long companyId, String action, LocalDate from, LocalDate to) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** An event with its actor's e-mail address (none when the system acted or the account is gone). */
    public record Entry(AuditEvent event, String actorEmail) {
    }

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog log;

    @Resource
    SessionContext session;

    /**
     * What the filter asks that cannot be answered, field by field: a period that ends before it starts
     * ({@code to}), an actor that names no account ({@code actor}). {@link #find} and {@link #count} refuse such a
     * filter with these problems; a page asks here to mark its fields and keep what was typed.
     */
    public List<Problem> refusals(Filter filter) {
        List<Problem> problems = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank() && !knowsActor(filter.actor())) {
            problems.add(new Problem("actor", "audit.actor.unknown"));
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            problems.add(new Problem("to", "audit.period.reversed"));
        }
        return problems;
    }

    /** @throws FieldsRefused see {@link #refusals} */
    public List<Entry> find(Filter filter, int first, int max) {
        refuseIfUnanswerable(filter);
        // Reading the log is a read of every tenant too (SPEC §1): it is logged like the others.
        log.record(Long.parseLong(session.getCallerPrincipal().getName()), "AUDIT_SEARCHED", "AUDIT", null, null,
                filter + ", rows=" + (first + 1) + "-" + (first + max), null);
        TypedQuery<Object[]> query = query(
                "select e, u.email from AuditEvent e left join UserAccount u on u.id = e.actorId", filter, " order by e.occurredAt desc, e.id desc", Object[].class);
        if (query == null) {
            return List.of();
        }
        return query.setFirstResult(first).setMaxResults(max).getResultStream()
                .map(row -> new Entry((AuditEvent) row[0], (String) row[1])).toList();
    }

    /**
     * The next {@code max} rows after {@code last} (null: from the newest), for a download that reads the log a chunk
     * at a time (issue 21): keyed on the last row, not an offset, so the rows written meanwhile, the download's own
     * trace among them, neither repeat a row nor skip one.
     *
     * @throws FieldsRefused see {@link #refusals}
     */
    public List<Entry> findAfter(Filter filter, Entry last, int max) {
        refuseIfUnanswerable(filter);
        log.record(Long.parseLong(session.getCallerPrincipal().getName()), "AUDIT_SEARCHED", "AUDIT", null, null,
                filter + ", after=" + (last == null ? null : last.event().getId()) + ", rows=" + max, null);
        TypedQuery<Object[]> query = query(
                "select e, u.email from AuditEvent e left join UserAccount u on u.id = e.actorId", filter, last,
                " order by e.occurredAt desc, e.id desc", Object[].class);
        if (query == null) {
            return List.of();
        }
        return query.setMaxResults(max).getResultStream()
                .map(row -> new Entry((AuditEvent) row[0], (String) row[1])).toList();
    }

    /** @throws FieldsRefused see {@link #refusals} */
    public long count(Filter filter) {
        refuseIfUnanswerable(filter);
        TypedQuery<Long> query = query("select count(e) from AuditEvent e", filter, "", Long.class);
        return query == null ? 0 : query.getSingleResult();
    }

    private void refuseIfUnanswerable(Filter filter) {
        List<Problem> problems = refusals(filter);
        if (!problems.isEmpty()) {
            throw new FieldsRefused(problems);
        }
    }

    /** Whether an actor filter (an e-mail address or an id) names an account. */
    public boolean knowsActor(String actor) {
        return actor != null && !actor.isBlank() && actorId(actor.strip()) != null;
    }

    /** The actions the log holds, for the filter's list. */
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEvent e order by e.action", String.class)
                .getResultList();
    }

    /** @return null when the filter names an actor that does not exist: nothing matches */
    private <T> TypedQuery<T> query(String select, Filter filter, String orderBy, Class<T> type) {
        return query(select, filter, null, orderBy, type);
    }

    private <T> TypedQuery<T> query(String select, Filter filter, Entry after, String orderBy, Class<T> type) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (after != null) {
            conditions.add("(e.occurredAt < :afterAt or (e.occurredAt = :afterAt and e.id < :afterId))");
            parameters.put("afterAt", after.event().getOccurredAt());
            parameters.put("afterId", after.event().getId());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            Long actorId = actorId(filter.actor().strip());
            if (actorId == null) {
                return null;
            }
            conditions.add("e.actorId = :actorId");
            parameters.put("actorId", actorId);
        }
        if (filter.companyId() != null) {
            List<String> members = em.createQuery(
                            "select m.id from Company c join c.members m where c.id = :companyId", Long.class)
                    .setParameter("companyId", filter.companyId()).getResultStream().map(String::valueOf).toList();
            String aboutCompany = "(e.targetType = 'COMPANY' and e.targetId = :companyKey)";
            conditions.add(members.isEmpty() ? aboutCompany
                    : "(" + aboutCompany + " or (e.targetType = :userTarget and e.targetId in :members))");
            parameters.put("companyKey", filter.companyId().toString());
            if (!members.isEmpty()) {
                parameters.put("userTarget", UserAccount.AUDIT_TARGET);
                parameters.put("members", members);
            }
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            conditions.add("e.action = :action");
            parameters.put("action", filter.action());
        }
        ZoneId zone = clock.getZone();
        if (filter.from() != null) {
            conditions.add("e.occurredAt >= :from");
            parameters.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            conditions.add("e.occurredAt < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<T> query = em.createQuery(select + where + orderBy, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    private Long actorId(String actor) {
        if (actor.matches("\\d{1,18}")) {
            return Long.valueOf(actor);
        }
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(actor)).getResultStream()
                .map(UserAccount::getId).findFirst().orElse(null);
    }
}
