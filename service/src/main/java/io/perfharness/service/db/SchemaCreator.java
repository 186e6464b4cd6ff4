package io.perfharness.service.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the schema scripts: {@code /db/schema.sql} (drop and create the tables) before the seed,
 * {@code /db/indexes.sql} after it. Stateless.
 */
public final class SchemaCreator {
    static final String TABLES = "/db/schema.sql";
    static final String INDEXES = "/db/indexes.sql";

    private SchemaCreator() {}

    public static void createTables(Connection connection) throws SQLException {
        run(connection, TABLES);
    }

    public static void createIndexes(Connection connection) throws SQLException {
        run(connection, INDEXES);
    }

    private static void run(Connection connection, String resource) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(resource)) {
                statement.execute(sql);
            }
        }
    }

    /** The statements of a script: comment lines removed, split at ';'. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = SchemaCreator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String sql : withoutComments.toString().split(";")) {
            if (!sql.isBlank()) {
                statements.add(sql.strip());
            }
        }
        return statements;
    }
}
