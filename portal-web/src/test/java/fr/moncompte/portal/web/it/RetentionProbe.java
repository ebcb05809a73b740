package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.retention.boundary.Retention;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Test-only (never in the shipped WAR): runs the nightly anonymisation of closed accounts as if today were
 * {@code day=YYYY-MM-DD} (ten years on, for a test); answers how many people were erased.
 */
@WebServlet("/it/retention")
public class RetentionProbe extends HttpServlet {

    @EJB
    Retention retention;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().print(retention.anonymiseClosedAccounts(LocalDate.parse(request.getParameter("day"))));
    }
}
