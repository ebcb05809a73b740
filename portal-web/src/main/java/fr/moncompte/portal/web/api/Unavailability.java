package fr.moncompte.portal.web.api;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;

/**
 * Tells a request that failed because the broker or the database could not be reached (a broker fail-over, a
 * database restart) from a fault of the portal: the first is worth retrying, and its transaction, events included,
 * was rolled back whole.
 */
public final class Unavailability {

    private Unavailability() {
    }

    /** Whether {@code failure}, or one of its causes, is a connection to the broker or the database that failed. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JMSException || cause instanceof JMSRuntimeException
                    || cause instanceof ResourceException) {
                return true;
            }
            // SQL state class 08: connection exception (refused, lost, cannot be established).
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
