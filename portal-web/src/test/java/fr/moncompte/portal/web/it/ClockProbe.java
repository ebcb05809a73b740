package fr.moncompte.portal.web.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

/**
 * Test-only (never in the shipped WAR): moves the portal's time, so that tests see what a quarter of an hour, an hour
 * or twelve hours later looks like without waiting and without rewriting rows. {@code what=ahead&minutes=N} moves the
 * portal's clock ({@link MovableClock}) N minutes further ahead and answers how many minutes ahead it now is;
 * {@code what=back} puts it back to the real time; {@code what=now} answers the portal's time in milliseconds.
 */
@WebServlet("/it/clock")
public class ClockProbe extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("now".equals(request.getParameter("what"))) {
            // The portal's time, in milliseconds: what tests compute a second factor's codes at.
            response.getWriter().print(java.time.Instant.now().plus(MovableClock.ahead()).toEpochMilli());
            return;
        }
        if ("ahead".equals(request.getParameter("what"))) {
            MovableClock.moveAhead(request.getParameter("seconds") != null
                    ? Duration.ofSeconds(Long.parseLong(request.getParameter("seconds")))
                    : Duration.ofMinutes(Long.parseLong(request.getParameter("minutes"))));
        } else {
            MovableClock.putBack();
        }
        response.getWriter().print(MovableClock.ahead().toMinutes());
    }
}
