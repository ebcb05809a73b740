package fr.moncompte.portal.web.it;

import fr.moncompte.portal.notifications.mail.entity.MailState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test-only (never in the shipped WAR): how many mails the outbox still holds to send (waiting for a first try or a
 * retry, or being sent). With the broker's queue of domain events (read in the test JVM), it tells {@link Quiescence}
 * that nothing is left in flight, so that a test can assert that something did not happen without waiting a window.
 */
@WebServlet("/it/quiet")
public class QuiescenceProbe extends HttpServlet {

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(em.createQuery("select count(m) from OutgoingMail m where m.state = :pending",
                Long.class).setParameter("pending", MailState.PENDING).getSingleResult());
    }
}
