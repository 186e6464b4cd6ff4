package io.perfharness.service.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one borrowed connection. */
@FunctionalInterface
public interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
}
