package fr.moncompte.portal.web.it;

import fr.moncompte.portal.notifications.delivery.boundary.DailyDigest;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the notifications module recorded, for NotificationsIT to check beside what reached GreenMail (signed-in
 * callers only). GET {@code ?inbox=ACCOUNT&about=TEXT}: how many in-app entries of that person name TEXT in their
 * facts (an invoice number); {@code ?told=ACCOUNT&type=TYPE&about=TEXT}: how many notifications of that type, any
 * channel; {@code ?outbox=ADDRESS&about=TEXT&since=EPOCH_MILLIS}: the outbox's mails to that address whose subject
 * names TEXT, queued since then, as "STATE:attempts" lines (with {@code &bodies}, ":kept" or ":forgotten" after). POST {@code prefer=ACCOUNT&type=TYPE&channel=EMAIL&enabled=false}: that person's switch, as
 * the preferences form stores it (the form itself is tested in AccountBrowserIT); {@code enabled=digest} for the daily
 * digest, {@code enabled=default} removes it. POST {@code digestAt=EPOCH_MILLIS}: the digest job as it would run then.
 */
@WebServlet("/it/notifications")
@ServletSecurity(@HttpConstraint(rolesAllowed = "USER"))
public class NotificationsProbe extends HttpServlet {

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @EJB
    DailyDigest digest;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String about = "%" + request.getParameter("about") + "%";
        String answer;
        if (request.getParameter("inbox") != null) {
            answer = String.valueOf(em.createQuery("""
                            select count(n) from Notification n where n.accountId = :account and n.inApp = true
                            and n.facts like :about and (n.shownFrom is null or n.shownFrom <= :now)""", Long.class)
                    .setParameter("account", Long.parseLong(request.getParameter("inbox")))
                    .setParameter("about", about).setParameter("now", Instant.now()).getSingleResult());
        } else if (request.getParameter("told") != null) {
            answer = String.valueOf(em.createQuery("""
                            select count(n) from Notification n where n.accountId = :account and n.eventType = :type
                            and n.facts like :about""", Long.class)
                    .setParameter("account", Long.parseLong(request.getParameter("told")))
                    .setParameter("type", request.getParameter("type"))
                    .setParameter("about", about).getSingleResult());
        } else {
            Instant since = Instant.ofEpochMilli(Long.parseLong(request.getParameter("since")));
            List<Object[]> rows = em.createQuery("""
                            select m.state, m.attempts, m.textBody from OutgoingMail m where m.recipient = :to
                            and m.subject like :about and m.queuedAt >= :since order by m.id""", Object[].class)
                    .setParameter("to", request.getParameter("outbox")).setParameter("about", about)
                    .setParameter("since", since).getResultList();
            boolean bodies = request.getParameter("bodies") != null;
            answer = rows.stream().map(row -> row[0] + ":" + row[1]
                            + (bodies ? ":" + (row[2] == null ? "forgotten" : "kept") : ""))
                    .collect(Collectors.joining("\n"));
        }
        response.getWriter().print(answer);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getParameter("digestAt") != null) {
            // The hourly digest job, as it would run at that moment.
            response.getWriter().print(digest.sendDue(Instant.ofEpochMilli(Long.parseLong(request.getParameter("digestAt")))));
            return;
        }
        long account = Long.parseLong(request.getParameter("prefer"));
        String type = request.getParameter("type");
        String channel = request.getParameter("channel");
        String enabled = request.getParameter("enabled");
        try {
            transaction.begin();
            em.createNativeQuery("delete from ntf_preference where account_id = ? and event_type = ? and channel = ?")
                    .setParameter(1, account).setParameter(2, type).setParameter(3, channel).executeUpdate();
            if (!"default".equals(enabled)) {
                em.createNativeQuery("""
                                insert into ntf_preference (account_id, event_type, channel, enabled, digest, changed_at)
                                values (?, ?, ?, ?, ?, ?)""")
                        .setParameter(1, account).setParameter(2, type).setParameter(3, channel)
                        .setParameter(4, !"false".equals(enabled)).setParameter(5, "digest".equals(enabled))
                        .setParameter(6, java.sql.Timestamp.from(Instant.now())).executeUpdate();
            }
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        response.getWriter().print("ok");
    }
}
