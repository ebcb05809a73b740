package fr.moncompte.portal.domain;

import java.sql.SQLException;

/** Telling a lost race on a unique key (SQL state 23505, on H2 and PostgreSQL alike) from any other failure. */
public final class UniqueKeys {

    /** The SQL state of a unique key violated. */
    public static final String VIOLATED = "23505";

    private UniqueKeys() {
    }

    /** Whether {@code failure}, or one of its causes, is a unique key violated. */
    public static boolean violatedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && VIOLATED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
