package io.perfharness.profiling.remote;

import io.perfharness.profiling.ProfilingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to a remote JVM's RMI connector ({@code -Dcom.sun.management.jmxremote.port=PORT}),
 * without credentials. Closing it closes the connector. Not thread-safe to close while in use.
 */
public final class JmxConnection implements AutoCloseable {
    /** How long connecting may take; RMI would otherwise wait for the OS's TCP timeout. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String address;
    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private JmxConnection(String address, JMXConnector connector, MBeanServerConnection server) {
        this.address = address;
        this.connector = connector;
        this.server = server;
    }

    /** Connects to {@code service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi}. */
    public static JmxConnection connect(String host, int port) throws ProfilingException {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        String address = hostPart + ":" + port;
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi");
            Map<String, Object> env = new HashMap<>();
            env.put("sun.rmi.transport.tcp.responseTimeout", String.valueOf(60_000));
            env.put("jmx.remote.x.client.connection.check.period", 0L);
            System.setProperty("sun.rmi.transport.connectionTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS));
            JMXConnector connector = JMXConnectorFactory.connect(url, env);
            return new JmxConnection(address, connector, connector.getMBeanServerConnection());
        } catch (IOException | SecurityException e) {
            throw new ProfilingException("cannot connect to JMX at " + address + ": " + e.getMessage()
                    + " (start the JVM with -Dcom.sun.management.jmxremote.port=" + port
                    + " -Dcom.sun.management.jmxremote.rmi.port=" + port
                    + " -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false"
                    + " -Djava.rmi.server.hostname=" + host + ")", e);
        }
    }

    /** {@code HOST:PORT}, for messages. */
    public String address() {
        return address;
    }

    public MBeanServerConnection server() {
        return server;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // the remote end is gone: nothing left to close
        }
    }
}
