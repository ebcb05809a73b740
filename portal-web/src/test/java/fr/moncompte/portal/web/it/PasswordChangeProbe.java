package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.audit.entity.AuditEvent;
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

/**
 * Test-only (never in the shipped WAR), for the signed-in caller. POST: changes their password through the real
 * boundary inside a transaction that is then rolled back, as when anything after the change fails. GET: how many
 * PASSWORD_CHANGED audit events their account has.
 */
@WebServlet("/it/password-change")
@ServletSecurity(@HttpConstraint(rolesAllowed = "USER"))
public class PasswordChangeProbe extends HttpServlet {

    @EJB
    Accounts accounts;

    @Resource
    UserTransaction transaction;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            transaction.begin();
            accounts.changePassword(request.getParameter("current"), request.getParameter("next"), null,
                    request.getRemoteAddr());
            transaction.rollback();
            response.getWriter().print("rolled back");
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String me = request.getUserPrincipal().getName();
        long audited = em.createNamedQuery(AuditEvent.OF_TARGET, AuditEvent.class)
                .setParameter("targetType", "USER_ACCOUNT")
                .setParameter("targetId", me)
                .getResultStream()
                .filter(event -> event.getAction().equals("PASSWORD_CHANGED") && me.equals(String.valueOf(event.getActorId())))
                .count();
        response.getWriter().print(audited);
    }
}
