package fr.moncompte.portal.web.it;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Test-only (never in the shipped WAR): moves an account's records back in time, so that tests see what an hour,
 * a day or twelve hours later looks like without waiting. {@code what=links} makes the account's open links expired;
 * {@code what=sessions} ages its open sessions by {@code startedHoursAgo} / {@code seenMinutesAgo};
 * {@code what=lockout} makes its lock and failed sign-ins sixteen minutes old (the lock is over).
 */
@WebServlet("/it/clock")
public class ClockProbe extends HttpServlet {

    @Resource
    UserTransaction transaction;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = request.getParameter("email").toLowerCase();
        Instant now = Instant.now();
        try {
            transaction.begin();
            Long accountId = em.createQuery("select a.id from UserAccount a where a.emailKey = :key", Long.class)
                    .setParameter("key", email).getSingleResult();
            int changed;
            if ("links".equals(request.getParameter("what"))) {
                changed = em.createQuery("update AccountLink l set l.expiresAt = :past where l.accountId = :id "
                                + "and l.usedAt is null and l.cancelledAt is null")
                        .setParameter("past", now.minusSeconds(60)).setParameter("id", accountId).executeUpdate();
            } else if ("lockout".equals(request.getParameter("what"))) {
                changed = em.createQuery("update SignInAttempt a set a.occurredAt = :past where a.accountId = :id")
                        .setParameter("past", now.minus(Duration.ofMinutes(16))).setParameter("id", accountId)
                        .executeUpdate();
                em.createQuery("update UserAccount a set a.lockedUntil = null where a.id = :id")
                        .setParameter("id", accountId).executeUpdate();
            } else {
                changed = em.createQuery("update UserSession s set s.startedAt = :started, s.lastSeenAt = :seen "
                                + "where s.accountId = :id and s.endedAt is null")
                        .setParameter("started", now.minus(Duration.ofHours(Long.parseLong(request.getParameter("startedHoursAgo")))))
                        .setParameter("seen", now.minus(Duration.ofMinutes(Long.parseLong(request.getParameter("seenMinutesAgo")))))
                        .setParameter("id", accountId).executeUpdate();
            }
            transaction.commit();
            em.getEntityManagerFactory().getCache().evictAll();
            response.getWriter().print(changed);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
