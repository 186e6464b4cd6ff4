package io.perfharness.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inserts rows into one table with multi-row {@code INSERT ... VALUES (..), (..)} statements sent in
 * JDBC batches: a few hundred round trips for the whole seed instead of one per row (standard SQL,
 * fine for H2 and PostgreSQL). Not thread-safe; use in one try block.
 */
final class BatchInsert implements AutoCloseable {
    static final int ROWS_PER_STATEMENT = 100;
    static final int STATEMENTS_PER_BATCH = 10;

    private final Connection connection;
    private final String insertPrefix;
    private final int columns;
    private final PreparedStatement fullStatement;
    private final List<Object[]> pendingRows = new ArrayList<>(ROWS_PER_STATEMENT);
    private int pendingStatements;
    private int totalRows;
    private boolean closed;

    BatchInsert(Connection connection, String table, String... columnNames) throws SQLException {
        this.connection = connection;
        this.columns = columnNames.length;
        this.insertPrefix = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.fullStatement = connection.prepareStatement(sql(ROWS_PER_STATEMENT));
    }

    void add(Object... row) throws SQLException {
        if (row.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values but got " + row.length);
        }
        pendingRows.add(row);
        totalRows++;
        if (pendingRows.size() == ROWS_PER_STATEMENT) {
            bind(fullStatement, pendingRows);
            fullStatement.addBatch();
            pendingRows.clear();
            if (++pendingStatements == STATEMENTS_PER_BATCH) {
                fullStatement.executeBatch();
                pendingStatements = 0;
            }
        }
    }

    int totalRows() {
        return totalRows;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pendingStatements > 0) {
                fullStatement.executeBatch();
            }
            if (!pendingRows.isEmpty()) {
                try (PreparedStatement rest = connection.prepareStatement(sql(pendingRows.size()))) {
                    bind(rest, pendingRows);
                    rest.executeUpdate();
                }
            }
        } finally {
            fullStatement.close();
        }
    }

    private void bind(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        int index = 1;
        for (Object[] row : rows) {
            for (Object value : row) {
                statement.setObject(index++, value);
            }
        }
    }

    private String sql(int rows) {
        String oneRow = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return insertPrefix + String.join(", ", Collections.nCopies(rows, oneRow));
    }
}
