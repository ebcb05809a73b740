package fr.moncompte.portal.domain.signon.control;

import fr.moncompte.portal.domain.signon.entity.SignOnLogin;
import fr.moncompte.portal.domain.signon.entity.SignOnLogin.EndReason;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a person's sign-in to an application must end (issue 22), in one place: its portal session was ended on
 * purpose (sign-out, "Sécurité", an application's logout; not one that lapsed), the password changed after it began,
 * the account is no longer active, the access to that application on that company is no longer current, or its 12
 * hours are over. The back-channel logout reads it for every open sign-in; refreshing and the userinfo endpoint read
 * it for theirs, so that neither waits for the sweep.
 */
public final class EndRule {

    private static final String OPEN = "l.endedAt is null";

    private EndRule() {
    }

    /** The open sign-ins that must end, and why (the first reason found); only {@code loginId} when it is given. */
    public static Map<Long, EndReason> due(EntityManager em, Instant now, Long loginId) {
        Map<Long, EndReason> due = new LinkedHashMap<>();
        add(due, EndReason.SESSION_ENDED, em, loginId, """
                select l.id from SignOnLogin l, UserSession s
                where s.id = l.sessionId and s.endedAt is not null and s.lapsed = false and\s""" + OPEN);
        add(due, EndReason.ACCOUNT_UNAVAILABLE, em, loginId, """
                select l.id from SignOnLogin l, UserAccount a
                where a.id = l.accountId and a.status <> fr.moncompte.portal.domain.account.entity.AccountStatus.ACTIVE
                and\s""" + OPEN);
        add(due, EndReason.PASSWORD_CHANGED, em, loginId, """
                select l.id from SignOnLogin l, UserAccount a
                where a.id = l.accountId and a.passwordChangedAt > l.startedAt and\s""" + OPEN);
        add(due, EndReason.ACCESS_REVOKED, em, loginId, """
                select l.id from SignOnLogin l where not exists (
                    select g.id from AccessGrant g where g.user.id = l.accountId and g.company = l.company
                    and g.application = l.client.application and g.revokedAt is null)
                and\s""" + OPEN);
        Map<String, Object> expired = Map.of("startedBefore", now.minus(SignOnLogin.LIFETIME));
        add(due, EndReason.EXPIRED, em, loginId, "select l.id from SignOnLogin l where l.startedAt < :startedBefore"
                + " and " + OPEN, expired);
        return due;
    }

    private static void add(Map<Long, EndReason> due, EndReason reason, EntityManager em, Long loginId, String jpql) {
        add(due, reason, em, loginId, jpql, Map.of());
    }

    private static void add(Map<Long, EndReason> due, EndReason reason, EntityManager em, Long loginId, String jpql,
                            Map<String, Object> parameters) {
        TypedQuery<Long> query = em.createQuery(loginId == null ? jpql : jpql + " and l.id = :loginId", Long.class);
        parameters.forEach(query::setParameter);
        if (loginId != null) {
            query.setParameter("loginId", loginId);
        }
        List<Long> ids = query.setMaxResults(500).getResultList();
        ids.forEach(id -> due.putIfAbsent(id, reason));
    }
}
