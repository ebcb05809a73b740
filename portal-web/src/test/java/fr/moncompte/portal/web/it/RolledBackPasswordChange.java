package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.boundary.Accounts;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import java.io.IOException;

/**
 * Test-only (never in the shipped WAR): the signed-in caller changes their password through the real boundary,
 * inside a transaction that is then rolled back, as when anything after the change fails.
 */
@WebServlet("/it/rolled-back-password-change")
@ServletSecurity(@HttpConstraint(rolesAllowed = "USER"))
public class RolledBackPasswordChange extends HttpServlet {

    @EJB
    Accounts accounts;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            transaction.begin();
            accounts.changePassword(request.getParameter("current"), request.getParameter("next"), request.getRemoteAddr());
            transaction.rollback();
            response.getWriter().print("rolled back");
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
