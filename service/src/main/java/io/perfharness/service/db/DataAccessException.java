package io.perfharness.service.db;

import java.sql.SQLException;

/** A database operation failed; carries the SQL state of the cause. Unchecked: a request fails with 500. */
public final class DataAccessException extends RuntimeException {
    private final String sqlState;

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQLSTATE of the cause, e.g. {@code 23505} for a unique violation; may be null. */
    public String sqlState() {
        return sqlState;
    }
}
