package io.perfharness.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class StatementCountingDataSourceTest {
    private final AtomicLong statements = new AtomicLong();

    private DataSource counting() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:counting-" + System.nanoTime());
        return new StatementCountingDataSource(h2, statements::addAndGet);
    }

    @Test
    void countsEveryExecutionAndEveryBatchEntry() throws Exception {
        try (Connection connection = counting().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
                assertThat(statements).hasValue(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "n" + i);
                    insert.addBatch();
                }
                assertThat(statements).as("adding to a batch executes nothing").hasValue(1);
                insert.executeBatch();
                assertThat(statements).hasValue(4);
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT name FROM t WHERE id = ?")) {
                select.setInt(1, 2);
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("n2");
                }
                assertThat(statements).hasValue(5);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE t SET name = 'x'")) {
                assertThat(update.executeUpdate()).isEqualTo(3);
            }
            assertThat(statements).hasValue(6);
            assertThat(connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
            assertThat(connection).isEqualTo(connection).isNotEqualTo(counting().getConnection());
        }
    }
}
