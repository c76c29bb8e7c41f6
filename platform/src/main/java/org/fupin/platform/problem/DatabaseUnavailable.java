package org.fupin.platform.problem;

import java.sql.SQLException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a request failed because the service's database could not serve it just then: unreachable,
 * restarting, or every connection of the pool busy past its acquisition timeout (an overload). The
 * request itself was fine and may succeed when retried, so the answer is a 503 with Retry-After, not
 * the 500 of a defect (the registration benchmark at saturation found the 500).
 */
public final class DatabaseUnavailable {

    /** Agroal's message when no connection became free within quarkus.datasource.jdbc.acquisition-timeout. */
    private static final String POOL_EXHAUSTED = "acquisition timeout";

    private DatabaseUnavailable() {
    }

    public static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (unreachable(sql.getSQLState())
                    || sql.getMessage() != null && sql.getMessage().contains(POOL_EXHAUSTED))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shutting down or starting up). */
    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
