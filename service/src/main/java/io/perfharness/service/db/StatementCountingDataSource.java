package io.perfharness.service.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that reports every JDBC statement executed through it: each {@code execute*} call
 * counts one, a batch counts one per entry. Connections and statements are wrapped in small dynamic
 * proxies (the JDBC interfaces have hundreds of methods; a proxy keeps the wrapper honest and short).
 * This is how {@code shop_db_statements_total} is measured rather than estimated on databases other
 * than embedded H2 (where {@link H2StatementListener} counts without a wrapper: the proxy's frames sit
 * below every caller of JDBC in a profile and take the attribution of all database work). Thread-safe.
 */
public final class StatementCountingDataSource implements DataSource {
    private final DataSource delegate;
    private final LongConsumer statementsExecuted;

    /**
     * @param statementsExecuted called with the number of statements about to run, before they run
     */
    public StatementCountingDataSource(DataSource delegate, LongConsumer statementsExecuted) {
        this.delegate = delegate;
        this.statementsExecuted = statementsExecuted;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ConnectionHandler(connection));
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection target;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object identity = identityMethod(proxy, method, args);
            if (identity != null) {
                return identity;
            }
            Object result = invokeTarget(target, method, args);
            if (result instanceof Statement statement && method.getReturnType().isInterface()) {
                return Proxy.newProxyInstance(
                        Statement.class.getClassLoader(),
                        new Class<?>[] {method.getReturnType()},
                        new StatementHandler(statement));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement target;

        StatementHandler(Statement target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object identity = identityMethod(proxy, method, args);
            if (identity != null) {
                return identity;
            }
            String name = method.getName();
            if (!name.startsWith("execute")) {
                return invokeTarget(target, method, args);
            }
            if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                Object result = invokeTarget(target, method, args);
                statementsExecuted.accept(result instanceof int[] counts ? counts.length
                        : ((long[]) result).length);
                return result;
            }
            statementsExecuted.accept(1);
            return invokeTarget(target, method, args);
        }
    }

    /** equals/hashCode/toString on the proxy itself; null for every other method. */
    private static Object identityMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return method.getParameterCount() == 1 ? Boolean.valueOf(proxy == args[0]) : null;
            case "hashCode":
                return method.getParameterCount() == 0 ? Integer.valueOf(System.identityHashCode(proxy)) : null;
            default:
                return null;
        }
    }

    private static Object invokeTarget(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
