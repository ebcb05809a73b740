package fr.moncompte.portal.web.session;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in whose password matched and which waits for its code (issue 20), kept in the HTTP session only: the
 * attempt the code will complete, and the page to go to afterwards. Nothing of it comes from the browser.
 *
 * @param attempt    the sign-in attempt the password check left waiting
 * @param continueTo the page first asked for, if any
 * @param since      when the password matched
 */
public record PendingSecondStep(long attempt, String continueTo, Instant since) implements Serializable {

    public static final String ATTRIBUTE = "fr.moncompte.portal.pendingSecondStep";

    /** As long as the domain keeps the attempt open ({@code AttemptLedger.SECOND_STEP_MINUTES}). */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    public boolean isOverAt(Instant now) {
        return !now.isBefore(since.plus(LIFETIME));
    }
}
