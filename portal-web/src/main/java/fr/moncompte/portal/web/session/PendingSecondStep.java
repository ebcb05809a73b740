package fr.moncompte.portal.web.session;

import java.io.Serializable;

/**
 * A sign-in whose password matched and which waits for its code (issue 20), kept in the HTTP session only: the
 * attempt the code will complete, and the page to go to afterwards. Nothing of it comes from the browser.
 *
 * @param attempt    the sign-in attempt the password check left waiting
 * @param continueTo the page first asked for, if any
 */
public record PendingSecondStep(long attempt, String continueTo) implements Serializable {

    public static final String ATTRIBUTE = "fr.moncompte.portal.pendingSecondStep";
}
