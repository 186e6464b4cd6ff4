package io.perfharness.service.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: either an existing one named by the system property
 * {@code perf.test.postgresUrl} (a JDBC URL; {@code perf.test.postgresUser} and
 * {@code perf.test.postgresPassword} for its credentials), or a throw-away server started here with
 * {@code initdb} and {@code pg_ctl} in a temporary data directory on a free loopback port, with
 * trust authentication for loopback only and {@code pg_stat_statements} loaded. PostgreSQL refuses to
 * run as root, so when this JVM is root the server runs as the {@code postgres} user through
 * {@code runuser}. Binaries are found in {@code perf.test.postgresBin}, on the PATH, or under
 * {@code /usr/lib/postgresql/<version>/bin} (Debian). Mutable; close it to stop the server and delete
 * its data directory.
 */
public final class PostgresFixture implements AutoCloseable {
    public static final String URL_PROPERTY = "perf.test.postgresUrl";
    public static final String BIN_PROPERTY = "perf.test.postgresBin";
    static final String DATABASE = "shop";
    static final String USER = "shop";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Path dataDir;
    private final Path binDir;
    private final boolean asPostgresUser;
    private volatile boolean stopped;

    private PostgresFixture(String jdbcUrl, String user, String password, Path dataDir, Path binDir,
            boolean asPostgresUser) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.asPostgresUser = asPostgresUser;
    }

    /** Why no server can be had here, with what to install; null when {@link #start()} can work. */
    public static String unavailableReason() {
        if (!System.getProperty(URL_PROPERTY, "").isBlank()) {
            return null;
        }
        if (findBinDir() == null) {
            return "no PostgreSQL server binaries (initdb, pg_ctl, postgres) on the PATH, in -D" + BIN_PROPERTY
                    + " or under /usr/lib/postgresql/*/bin, and no -D" + URL_PROPERTY + "=jdbc:postgresql://..."
                    + ": install Debian's postgresql package (apt-get install -y postgresql) or name a server";
        }
        if (isRoot() && !userExists("postgres")) {
            return "running as root, and PostgreSQL refuses to run as root, but there is no 'postgres' user"
                    + " to run it as: install Debian's postgresql package (it creates that user) or run as non-root";
        }
        return null;
    }

    /** The existing server named by {@code perf.test.postgresUrl}, or a fresh one started here. */
    public static PostgresFixture start() throws IOException {
        String url = System.getProperty(URL_PROPERTY, "");
        if (!url.isBlank()) {
            return new PostgresFixture(url, System.getProperty("perf.test.postgresUser", ""),
                    System.getProperty("perf.test.postgresPassword", ""), null, null, false);
        }
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        Path bin = findBinDir();
        boolean asPostgres = isRoot();
        Path dir = Files.createTempDirectory("perf-pg-");
        if (asPostgres) {
            run(List.of("chown", "postgres", dir.toString()), dir, 30);
        }
        Path data = dir.resolve("data");
        int port = freePort();
        PostgresFixture fixture = new PostgresFixture(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, "", data, bin, asPostgres);
        try {
            fixture.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"), dir, 120);
            fixture.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                            + " -c shared_preload_libraries=pg_stat_statements -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off",
                    "start"), dir, 90);
            Runtime.getRuntime().addShutdownHook(new Thread(fixture::stop, "postgres-fixture-stop"));
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            try (Connection connection = fixture.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION pg_stat_statements");
            }
            return fixture;
        } catch (IOException | SQLException | RuntimeException e) {
            String log = readLog(dir.resolve("server.log"));
            fixture.close();
            throw new IOException("could not start PostgreSQL from " + bin + ": " + e.getMessage()
                    + (log.isEmpty() ? "" : "\nserver log:\n" + log), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** True for a server this fixture started (and so configured), false for a named one. */
    public boolean startedHere() {
        return dataDir != null;
    }

    /** Settings for the shop service, pool of {@code poolSize}. */
    public DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings(jdbcUrl, user, password, poolSize);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** A read-only connection for diagnostics: it can look, never change. */
    public Connection connectReadOnly() throws SQLException {
        Connection connection = connect();
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        return connection;
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void stop() {
        if (stopped || dataDir == null) {
            stopped = true;
            return;
        }
        stopped = true;
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                pg(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w",
                        "stop"), dataDir.getParent(), 60);
            }
        } catch (IOException e) {
            System.err.println("PostgresFixture: stopping the server failed: " + e.getMessage());
        } finally {
            deleteTree(dataDir.getParent());
        }
    }

    private void pg(List<String> command, Path workDir, int timeoutSec) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, workDir, timeoutSec);
    }

    private static void run(List<String> command, Path workDir, int timeoutSec) throws IOException {
        Path out = Files.createTempFile("perf-pg-cmd-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeoutSec, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSec + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static Path findBinDir() {
        String configured = System.getProperty(BIN_PROPERTY, "");
        if (!configured.isBlank()) {
            return hasServerBinaries(Paths.get(configured)) ? Paths.get(configured) : null;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && hasServerBinaries(Paths.get(entry))) {
                return Paths.get(entry);
            }
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(version -> version.resolve("bin")).filter(PostgresFixture::hasServerBinaries)
                        .max(Comparator.comparing(path -> versionOf(path.getParent().getFileName().toString())))
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer versionOf(String name) {
        try {
            return Integer.valueOf(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean hasServerBinaries(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))
                && Files.isExecutable(dir.resolve("postgres"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean userExists(String name) {
        try {
            return Files.readAllLines(Paths.get("/etc/passwd")).stream().anyMatch(line -> line.startsWith(name + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("PostgresFixture: could not delete " + root + ": " + e.getMessage());
        }
    }
}
