package fr.moncompte.portal.web.session;

import java.io.Serializable;

/**
 * A person who must sign in with a second factor and has none (issue 20, point 3: every operator, and the people of
 * a customer account that requires it) signed in with their password alone: until they add a factor, this session
 * reaches Mon compte › Sécurité, where they add it, and nothing else. Kept in the HTTP session only.
 *
 * @param continueTo the page first asked for, to go on to once a factor is added
 */
public record EnrolmentGate(String continueTo) implements Serializable {

    public static final String ATTRIBUTE = "fr.moncompte.portal.enrolmentGate";

    /** Where the person adds their factor. */
    public static final String PAGE = "/account/security.xhtml";

    /** The paths such a session may reach: the enrolment page itself (and its forms), and the error pages. */
    public static boolean allows(String path) {
        return PAGE.equals(path) || path.startsWith("/error/");
    }
}
