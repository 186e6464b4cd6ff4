package io.perfharness.profiling.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which frames of a profile are the application's own code: the rule a run decides from its target
 * ({@code --app}, or inferred from the target JVM's main class and class path), with where it came
 * from. Immutable.
 *
 * <p>A frame can only be an application frame if it is a Java method frame: {@code pkg.Class.method}
 * or, in the default package, {@code Class.method} with a capitalized class name (so kernel frames
 * such as {@code finish_task_switch.isra.0} and HotSpot's {@code Klass::method} never are). Then:
 * <ul>
 *   <li>{@link Kind#GIVEN}: it starts with one of the prefixes; {@value #DEFAULT_PACKAGE} stands for
 *       the default package;</li>
 *   <li>{@link Kind#INFERRED}: it starts with one of the prefixes, or its class is in the default
 *       package (no library or JDK class lives there);</li>
 *   <li>{@link Kind#LIBRARY_LIST}: nothing could be inferred, so it is not on the list of JDK and
 *       library packages {@link #LIBRARY_PREFIXES}: the last fallback, which misreads a service whose
 *       own package looks like a library's ({@code org.springframework.samples.*}).</li>
 * </ul>
 *
 * @param kind how the rule was decided
 * @param prefixes package prefixes ({@code org.acme.shop.}) or class prefixes ({@code org.acme.Shop});
 *     {@value #DEFAULT_PACKAGE} for the default package; empty for {@link Kind#LIBRARY_LIST}
 * @param source where the rule came from, for people: e.g. "--app", or "main class ... of ..."
 */
public record ApplicationRule(Kind kind, List<String> prefixes, String source) {
    /** The token that names the default package in {@code --app} and in {@link #prefixes()}. */
    public static final String DEFAULT_PACKAGE = "(default)";

    /** Package prefixes taken for library code when nothing better is known (the last fallback). */
    public static final List<String> LIBRARY_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "kotlin.", "kotlinx.", "scala.",
            "org.eclipse.jetty.", "io.javalin.", "io.netty.", "io.undertow.", "org.apache.", "org.springframework.",
            "org.h2.", "com.zaxxer.hikari.", "org.postgresql.", "com.mysql.", "org.hibernate.", "org.jooq.",
            "com.fasterxml.jackson.", "tools.jackson.", "com.google.", "ch.qos.logback.", "org.slf4j.",
            "io.micrometer.", "io.prometheus.", "reactor.", "io.grpc.", "io.vertx.", "org.glassfish.", "org.jboss.",
            "io.gatling.", "net.bytebuddy.", "org.HdrHistogram.", "one.profiler.", "org.thymeleaf.", "org.attoparser.",
            "org.unbescape.", "com.oracle.", "org.graalvm.", "org.objectweb.asm.", "org.aspectj.", "io.opentelemetry.");

    /** How a run decided its rule. */
    public enum Kind {
        /** The user named the application's packages ({@code perf.app}, {@code --app}). */
        GIVEN,
        /** Inferred from the target JVM: main class, its jar's manifest, its own class directories or jar. */
        INFERRED,
        /** Nothing could be inferred: every Java frame outside the JDK and known libraries. */
        LIBRARY_LIST;

        /** The lower-case name written to run.json. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind written as {@link #id()}. */
        public static Kind byId(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("application rule kind must be one of given, inferred, library-list"
                    + " but was '" + id + "'");
        }
    }

    private static final Pattern JAVA_METHOD_IN_PACKAGE =
            Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z_$][\\w$]*\\.[\\w$<>]+");
    private static final Pattern JAVA_METHOD_IN_DEFAULT_PACKAGE = Pattern.compile("[A-Z][\\w$]*\\.[\\w$<>]+");
    private static final Pattern PREFIX = Pattern.compile("[a-zA-Z_$][\\w$]*(?:\\.[a-zA-Z_$][\\w$]*)*\\.?");

    public ApplicationRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        prefixes = List.copyOf(prefixes);
        if (kind == Kind.LIBRARY_LIST && !prefixes.isEmpty()) {
            throw new IllegalArgumentException("a library-list rule has no prefixes but had " + prefixes);
        }
        if (kind != Kind.LIBRARY_LIST && prefixes.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.id() + " rule needs at least one prefix");
        }
        for (String p : prefixes) {
            if (!p.equals(DEFAULT_PACKAGE) && !PREFIX.matcher(p).matches()) {
                throw new IllegalArgumentException("an application prefix must be a package or class name like"
                        + " org.acme.shop or org.acme.Shop, or " + DEFAULT_PACKAGE + ", but was '" + p + "'");
            }
        }
    }

    /** The rule of a run that recorded none (older run directories) or could infer nothing. */
    public static ApplicationRule libraryList(String source) {
        return new ApplicationRule(Kind.LIBRARY_LIST, List.of(), source);
    }

    /**
     * The rule of {@code --app PREFIX[,PREFIX]}: package or class prefixes, {@value #DEFAULT_PACKAGE}
     * for the default package. A package name matches its subpackages ({@code org.acme} matches
     * {@code org.acme.shop.Cart.add}), a class name its nested classes and methods.
     *
     * @throws IllegalArgumentException naming the value when a prefix is not a Java name
     */
    public static ApplicationRule given(String commaSeparated) {
        List<String> prefixes = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String p = raw.strip();
            if (!p.isEmpty()) {
                prefixes.add(p);
            }
        }
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("--app needs at least one package or class prefix, or "
                    + DEFAULT_PACKAGE + ", but was '" + commaSeparated + "'");
        }
        return new ApplicationRule(Kind.GIVEN, prefixes, "given with --app (perf.app)");
    }

    /** Whether {@code frame} (a normalized frame name) is a frame of the application's own code. */
    public boolean isApplication(String frame) {
        boolean inPackage = JAVA_METHOD_IN_PACKAGE.matcher(frame).matches();
        boolean inDefault = !inPackage && JAVA_METHOD_IN_DEFAULT_PACKAGE.matcher(frame).matches();
        if (!inPackage && !inDefault) {
            return false;
        }
        if (kind == Kind.LIBRARY_LIST) {
            return inDefault || !onLibraryList(frame);
        }
        if (inDefault) {
            return kind == Kind.INFERRED || prefixes.contains(DEFAULT_PACKAGE);
        }
        for (String p : prefixes) {
            if (!p.equals(DEFAULT_PACKAGE) && matches(frame, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String frame, String prefix) {
        if (!frame.startsWith(prefix)) {
            return false;
        }
        if (prefix.endsWith(".") || frame.length() == prefix.length()) {
            return true;
        }
        // "org.acme" matches "org.acme.Shop.add", not "org.acmex.Y.z"; "org.acme.Shop" matches "org.acme.Shop$1.run"
        // and "org.acme.Shop.add" (a class prefix), and "org.acme.ShopCart.add" too (a plain prefix, as asked)
        char next = frame.charAt(prefix.length());
        return next == '.' || next == '$' || Character.isUpperCase(prefix.charAt(prefix.lastIndexOf('.') + 1));
    }

    private static boolean onLibraryList(String frame) {
        for (String prefix : LIBRARY_PREFIXES) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The rule in one line: "inferred: org.acme.shop. (main class org.acme.shop.Main ...)". */
    public String describe() {
        String what = kind == Kind.LIBRARY_LIST ? "every Java frame outside the JDK and known libraries"
                : String.join(", ", prefixes);
        return kind.id() + ": " + what + " (" + source + ")";
    }

    /**
     * The union of two rules (a comparison whose sides decided differently): the prefixes of both;
     * a library-list side adds nothing when the other side knows better.
     */
    public ApplicationRule union(ApplicationRule other) {
        if (equals(other) || other.kind == Kind.LIBRARY_LIST) {
            return this;
        }
        if (kind == Kind.LIBRARY_LIST) {
            return other;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(prefixes);
        all.addAll(other.prefixes);
        Kind k = kind == Kind.GIVEN && other.kind == Kind.GIVEN ? Kind.GIVEN : Kind.INFERRED;
        return new ApplicationRule(k, List.copyOf(all), "both sides' rules: " + source + "; " + other.source);
    }

    /** Whether two rules judge frames alike (the sources may differ in wording). */
    public boolean sameAs(ApplicationRule other) {
        return kind == other.kind && new LinkedHashSet<>(prefixes).equals(new LinkedHashSet<>(other.prefixes));
    }
}
