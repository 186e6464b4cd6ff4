package io.perfharness.service;

import java.io.PrintStream;

/**
 * Command-line entry of the sample shop service. Exit codes: 0 after {@code --help}, 2 for bad
 * options, 3 when start-up fails; otherwise it serves until SIGTERM (or Ctrl-C), then shuts down
 * gracefully through a shutdown hook.
 */
public final class ShopServiceMain {
    /** {@link #run} result meaning "started; keep the JVM alive". */
    static final int RUNNING = -1;

    private ShopServiceMain() {}

    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err);
        if (exitCode != RUNNING) {
            System.exit(exitCode);
        }
        // Jetty's non-daemon threads keep the JVM serving after main returns
    }

    /** Parses, starts and installs the shutdown hook; returns an exit code or {@link #RUNNING}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ShopServiceOptions options;
        try {
            options = ShopServiceOptions.parse(args);
        } catch (UsageException e) {
            for (String problem : e.problems()) {
                err.println("error: " + problem);
            }
            err.println("run with --help for usage");
            return 2;
        }
        if (options.help()) {
            out.println(ShopServiceOptions.USAGE);
            return 0;
        }
        ShopService service;
        try {
            service = ShopService.start(options.config());
        } catch (ServiceStartException e) {
            err.println("error: " + e.getMessage());
            err.println("check that the database is reachable and the port is free");
            return 3;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shop-shutdown"));
        return RUNNING;
    }
}
