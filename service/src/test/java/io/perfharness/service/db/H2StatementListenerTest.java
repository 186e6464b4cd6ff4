package io.perfharness.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class H2StatementListenerTest {
    private final AtomicLong statements = new AtomicLong();

    private static String freshDatabase() {
        return "jdbc:h2:mem:listener-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void countsWhatTheCodeExecutesOnceCountingStarted() throws SQLException {
        String url = freshDatabase();
        try (Connection connection = DriverManager.getConnection(H2StatementListener.attachTo(url), "sa", "")) {
            connection.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
            Runnable stop = H2StatementListener.count(url, statements::addAndGet);
            assertThat(statements).as("statements before counting started (the seed)").hasValue(0);
            runStatementsAndTransactions(connection);
            assertThat(statements).as("batch entries one by one; COMMIT and ROLLBACK not counted").hasValue(6);
            stop.run();
            connection.createStatement().execute("DELETE FROM t");
            assertThat(statements).hasValue(6);
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void countsTheSameThroughTheTcpServerOfThisJvm() throws SQLException {
        String url = freshDatabase();
        try (H2TcpServer server = H2TcpServer.start();
                Connection connection = DriverManager.getConnection(
                        H2StatementListener.attachTo(server.urlOf(url)), "sa", "")) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:tcp://127.0.0.1:" + server.port() + "/");
            connection.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
            Runnable stop = H2StatementListener.count(url, statements::addAndGet);
            try {
                runStatementsAndTransactions(connection);
                assertThat(statements).hasValue(6);
            } finally {
                stop.run();
            }
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void countsOnlyEmbeddedOrInJvmDatabasesOnce() {
        assertThat(H2StatementListener.canCount("jdbc:h2:mem:shop;MODE=PostgreSQL")).isTrue();
        assertThat(H2StatementListener.canCount("jdbc:h2:file:/tmp/shop;MODE=PostgreSQL")).isTrue();
        assertThat(H2StatementListener.canCount("jdbc:h2:tcp://db/~/shop")).isFalse();
        assertThat(H2StatementListener.canCount("jdbc:h2:mem:shop;database_event_listener='x.Y'")).isFalse();
        assertThat(H2StatementListener.canCount("jdbc:postgresql://db/shop")).isFalse();
        assertThatThrownBy(() -> H2StatementListener.attachTo("jdbc:postgresql://db/shop"))
                .hasMessageContaining("but was 'jdbc:postgresql://db/shop'");
        String url = freshDatabase();
        Runnable stop = H2StatementListener.count(url, statements::addAndGet);
        try {
            assertThatThrownBy(() -> H2StatementListener.count(url + ";MODE=PostgreSQL", statements::addAndGet))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("counted already");
        } finally {
            stop.run();
        }
    }

    /** 6 statements: an insert batch of 3, a query, an update in a transaction, a rolled back delete. */
    private static void runStatementsAndTransactions(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 1; i <= 3; i++) {
                insert.setInt(1, i);
                insert.setString(2, "n" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM t WHERE id = ?")) {
            select.setInt(1, 2);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("n2");
            }
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE t SET name = 'x'");
            connection.commit();
            statement.executeUpdate("DELETE FROM t");
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
