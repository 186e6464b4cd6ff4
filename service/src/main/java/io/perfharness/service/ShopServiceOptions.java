package io.perfharness.service;

import io.perfharness.service.db.DatabaseSettings;
import io.perfharness.service.faults.Fault;
import io.perfharness.service.http.CpuScale;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the command line of {@link ShopServiceMain} into a {@link ShopServiceConfig}. Options take
 * the form {@code --name=value}; every problem is collected and reported at once.
 *
 * @param help true when {@code --help} was given (config is then the defaults)
 */
public record ShopServiceOptions(boolean help, ShopServiceConfig config) {
    public static final int DEFAULT_PORT = 8080;

    /** A plain decimal: no sign, exponent, hex or {@code NaN}, which {@link Double#parseDouble} would accept. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,6})?");

    public static final String USAGE = String.join("\n",
            "usage: java -cp <classpath> io.perfharness.service.ShopServiceMain [options]",
            "",
            "The sample shop service under test, with planted switchable bottlenecks.",
            "",
            "  --port=N              port to listen on; 0 picks a free one (default " + DEFAULT_PORT + ")",
            "  --host=HOST           address to bind (default " + ShopServiceConfig.DEFAULT_HOST + ")",
            "  --db-url=JDBC_URL     database (default: in-memory H2); e.g. jdbc:postgresql://localhost/shop",
            "                        the service drops, re-creates and seeds its tables at every start",
            "  --db-user=NAME        database user",
            "  --db-password=SECRET  database password",
            "  --db-pool-size=N      connections in the pool (default " + DatabaseSettings.DEFAULT_POOL_SIZE + ")",
            "  --fault=NAME[,NAME]   switch on planted faults: " + Fault.knownNames(),
            "  --cpu-scale=F         every request costs F times its own CPU: after the handlers, the request",
            "                        thread hashes for (F - 1) x the CPU it used since the request began",
            "                        (CpuScale.burnExtra), before the response is written; F from 1.0 (off,",
            "                        the default) to 10, e.g. 1.3 for a 30% CPU regression",
            "  --quiet-requests      no JSON log line per request (same as --log-requests=false)",
            "  --log-requests=BOOL   per-request JSON log lines (default true)",
            "  --help                this text",
            "",
            "After start it prints one line",
            "{\"event\":\"listening\",\"port\":N,\"url\":...,\"pid\":...,\"faults\":[...],\"cpuScale\":F}.",
            "Exit codes: 2 bad options, 3 start-up failed.");

    /**
     * @throws UsageException naming each bad option and its value
     */
    public static ShopServiceOptions parse(String... args) throws UsageException {
        List<String> problems = new ArrayList<>();
        boolean help = false;
        String host = ShopServiceConfig.DEFAULT_HOST;
        int port = DEFAULT_PORT;
        String dbUrl = null;
        String dbUser = null;
        String dbPassword = null;
        int poolSize = DatabaseSettings.DEFAULT_POOL_SIZE;
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        boolean logRequests = true;
        double cpuScale = CpuScale.OFF;

        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--quiet-requests" -> {
                    if (value != null) {
                        problems.add("--quiet-requests takes no value but was given '" + value + "'");
                    }
                    logRequests = false;
                }
                case "--log-requests" -> {
                    if ("true".equals(value) || "false".equals(value)) {
                        logRequests = Boolean.parseBoolean(value);
                    } else {
                        problems.add("--log-requests was '" + value + "' but it must be true or false");
                    }
                }
                case "--port" -> port = parseInt(name, value, 0, 65_535, problems, port);
                case "--db-pool-size" -> poolSize = parseInt(name, value, 1, 1_000, problems, poolSize);
                case "--host" -> host = requireValue(name, value, problems, host);
                case "--db-url" -> {
                    dbUrl = requireValue(name, value, problems, null);
                    if (dbUrl != null && !dbUrl.startsWith("jdbc:")) {
                        problems.add("--db-url was '" + dbUrl + "' but it must be a JDBC URL starting with 'jdbc:'");
                        dbUrl = null;
                    }
                }
                case "--db-user" -> dbUser = requireValue(name, value, problems, null);
                case "--db-password" -> dbPassword = value == null ? "" : value;
                case "--fault" -> parseFaults(value, faults, problems);
                case "--cpu-scale" -> cpuScale = parseCpuScale(value, problems, cpuScale);
                default -> problems.add("unknown option '" + arg + "'; run with --help for the options");
            }
        }
        if (dbUrl == null && (dbUser != null || dbPassword != null)) {
            problems.add("--db-user and --db-password need --db-url");
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        DatabaseSettings database = dbUrl == null
                ? withPoolSize(DatabaseSettings.inMemoryH2(), poolSize)
                : new DatabaseSettings(dbUrl, dbUser, dbPassword, poolSize);
        return new ShopServiceOptions(help,
                new ShopServiceConfig(host, port, database, faults, logRequests, cpuScale));
    }

    private static DatabaseSettings withPoolSize(DatabaseSettings settings, int poolSize) {
        return new DatabaseSettings(settings.url(), settings.user(), settings.password(), poolSize);
    }

    private static void parseFaults(String value, Set<Fault> faults, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add("--fault needs a value; known faults: " + Fault.knownNames());
            return;
        }
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                faults.add(Fault.fromCliName(name));
            } catch (IllegalArgumentException e) {
                problems.add("--fault was '" + name.trim() + "' but it must be one of: " + Fault.knownNames());
            }
        }
    }

    private static double parseCpuScale(String value, List<String> problems, double fallback) {
        String constraint = "a number from 1.0 (off) to 10, e.g. --cpu-scale=1.3";
        if (value == null || value.isBlank()) {
            problems.add("--cpu-scale needs a value (" + constraint + ")");
            return fallback;
        }
        if (DECIMAL.matcher(value.trim()).matches()) {
            double parsed = Double.parseDouble(value.trim());
            if (parsed >= CpuScale.OFF && parsed <= CpuScale.MAX) {
                return parsed;
            }
        }
        problems.add("--cpu-scale was '" + value + "' but it must be " + constraint);
        return fallback;
    }

    private static int parseInt(String name, String value, int min, int max, List<String> problems, int fallback) {
        String constraint = "an integer between " + min + " and " + max;
        if (value == null) {
            problems.add(name + " needs a value (" + constraint + "), e.g. " + name + "=" + max / 2);
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        problems.add(name + " was '" + value + "' but it must be " + constraint);
        return fallback;
    }

    private static String requireValue(String name, String value, List<String> problems, String fallback) {
        if (value == null || value.isBlank()) {
            problems.add(name + " needs a value, e.g. " + name + "=...");
            return fallback;
        }
        return value;
    }
}
