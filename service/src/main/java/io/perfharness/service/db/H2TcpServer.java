package io.perfharness.service.db;

import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * Serves in-memory H2 databases over TCP on the loopback interface, from inside this JVM. The service
 * connects to its in-memory database through it rather than embedded, so that every statement costs
 * what it costs against a database server: a network round trip, the driver encoding the statement
 * and decoding the result, and the database's own work on a thread of the database (a profile shows
 * that work under H2's server threads, as it would in a separate database process, not under the
 * caller). Only local connections are accepted. Thread-safe; {@link #close()} is idempotent.
 */
public final class H2TcpServer implements AutoCloseable {
    private final Server server;

    private H2TcpServer(Server server) {
        this.server = server;
    }

    /** Starts a server on a free port. */
    public static H2TcpServer start() throws SQLException {
        // -ifNotExists: the first connection creates the in-memory database; -tcpDaemon: never keeps
        // the JVM alive; remote (non-loopback) connections are refused without -tcpAllowOthers
        return new H2TcpServer(Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-tcpDaemon").start());
    }

    public int port() {
        return server.getPort();
    }

    /**
     * The URL of an in-memory database of {@code embeddedUrl} ({@code jdbc:h2:mem:NAME;SETTINGS}) served
     * by this server: {@code jdbc:h2:tcp://127.0.0.1:PORT/mem:NAME;SETTINGS}.
     */
    public String urlOf(String embeddedUrl) {
        String prefix = "jdbc:h2:mem:";
        if (!embeddedUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("url must start with '" + prefix + "' but was '" + embeddedUrl + "'");
        }
        return "jdbc:h2:tcp://127.0.0.1:" + port() + "/mem:" + embeddedUrl.substring(prefix.length());
    }

    @Override
    public void close() {
        server.stop();
    }
}
