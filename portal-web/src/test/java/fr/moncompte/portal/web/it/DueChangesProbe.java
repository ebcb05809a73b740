package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.organisation.boundary.DueChanges;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Test-only (never in the shipped WAR): runs what the portal's schedule runs when a month begins
 * ({@link DueChanges}) as if today were {@code day=YYYY-MM-DD}, so that a test sees a move or a price planned for next
 * month take effect without waiting for it. Answers how many companies and applications changed.
 */
@WebServlet("/it/due-changes")
public class DueChangesProbe extends HttpServlet {

    @EJB
    DueChanges due;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().print(due.apply(LocalDate.parse(request.getParameter("day"))));
    }
}
