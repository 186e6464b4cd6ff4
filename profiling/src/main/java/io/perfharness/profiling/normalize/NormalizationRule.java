package io.perfharness.profiling.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rewrite that removes a part of a frame name that changes between JVM runs of the same
 * code. Applied in declaration order by {@link FrameNormalizer}; each rule carries an example
 * (tested, and quoted in {@code docs/profiling.md}).
 */
public enum NormalizationRule {
    /**
     * async-profiler's frame-type suffixes: {@code _[j]} JIT-compiled, {@code _[i]} inlined,
     * {@code _[k]} kernel, {@code _[0]} interpreted, {@code _[1]} C1-compiled. The same method
     * moves between these as the JIT warms up or changes its inlining, so a diff must not see a
     * new frame there (and an allocation's class frame switches between {@code _[i]} and
     * {@code _[k]} with TLAB or not). The HTML flame graph keeps them as colours.
     */
    TYPE_SUFFIX(Scope.ANY_FRAME, "_\\[[jik01]\\]$", "",
            "java/util/HashMap.get_[i]", "java/util/HashMap.get"),
    /**
     * Lambda proxy classes: the counter, the hidden-class address and the identity suffix
     * (JDK 8 {@code $$Lambda$12/1234}, JDK 17 {@code $$Lambda$123.0x...} as async-profiler
     * prints it, JDK 21 {@code $$Lambda/0x...}, and {@code $$Lambda+0x....1457410641} as JFR
     * recordings of JDK 21 name them).
     */
    LAMBDA(Scope.ANY_FRAME, "\\$\\$Lambda(?:\\$\\d+)?(?:[./+]0x\\p{XDigit}+)?(?:[./]\\d+(?=\\.))?",
            "\\$\\$Lambda",
            "com/example/Foo$$Lambda$123/0x0000000801234567.apply", "com/example/Foo$$Lambda.apply"),
    /** Other hidden classes (method-handle lambda forms): the address after the class name. */
    HIDDEN_CLASS(Scope.ANY_FRAME, "(?<=\\w)(?:[./]0x\\p{XDigit}{6,}|/\\d{6,})(?=\\.)", "",
            "java/lang/invoke/LambdaForm$MH/0x0000000800c0c400.invoke", "java/lang/invoke/LambdaForm$MH.invoke"),
    /** Reflection accessors generated on demand and numbered in creation order. */
    GENERATED_ACCESSOR(Scope.ANY_FRAME, "(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+", "$1",
            "jdk/internal/reflect/GeneratedMethodAccessor123.invoke", "jdk/internal/reflect/GeneratedMethodAccessor.invoke"),
    /** {@code java.lang.reflect.Proxy} classes, numbered in creation order. */
    PROXY_CLASS(Scope.ANY_FRAME, "\\$Proxy\\d+", "\\$Proxy",
            "com/sun/proxy/$Proxy12.handle", "com/sun/proxy/$Proxy.handle"),
    /** The dynamic module of proxies (JDK 16+), numbered per class loader. */
    PROXY_MODULE(Scope.ANY_FRAME, "(jdk[./]proxy)\\d+(?=[./])", "$1",
            "jdk/proxy2/$Proxy45.invoke", "jdk/proxy/$Proxy.invoke"),
    /** CGLIB/Spring subclasses carry a hash or counter after {@code $$...CGLIB$$}. */
    CGLIB_CLASS(Scope.ANY_FRAME, "(\\$\\$\\w*CGLIB\\$\\$)\\w+", "$1*",
            "com/example/Service$$SpringCGLIB$$0.handle", "com/example/Service$$SpringCGLIB$$*.handle"),
    /** perf's JIT symbol map file is named after the pid. */
    PERF_MAP(Scope.ANY_FRAME, "\\[perf-\\d+\\.map\\]", "[perf-*.map]",
            "[perf-10939.map]", "[perf-*.map]"),
    /**
     * Native libraries that Java libraries extract to a temporary file named with a random UUID
     * (snappy-java, netty-tcnative, ...): a new name in every JVM.
     */
    TEMP_FILE_UUID(Scope.ANY_FRAME, "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}", "*",
            "/tmp/snappy-1.1.8-5f2c1e9a-0b7d-4c3e-9a61-2f8e7d6c5b4a-libsnappyjava.so",
            "/tmp/snappy-1.1.8-*-libsnappyjava.so"),
    /** Remaining hex addresses (unresolved code, addresses in native names) differ per run (ASLR). */
    HEX_ADDRESS(Scope.ANY_FRAME, "0x\\p{XDigit}{4,}", "0x*",
            "libjvm.so+0x7f3a12cd", "libjvm.so+0x*"),
    /** async-profiler {@code --threads} root frames: the thread id goes, the name stays. */
    THREAD_NAME_TID(Scope.ROOT_FRAME, "^\\[(.+) tid=\\d+\\]$", "[$1]",
            "[http-nio-8080-exec-1 tid=1234]", "[http-nio-8080-exec-1]"),
    /** async-profiler {@code --threads} root frames of threads without a name. */
    THREAD_TID(Scope.ROOT_FRAME, "^\\[tid=\\d+\\]$", "[tid=*]",
            "[tid=1234]", "[tid=*]"),
    /** perf's process root frame with pid (stackcollapse-perf {@code --pid}) and tid ({@code --tid}). */
    PERF_PID_TID(Scope.ROOT_FRAME, "^(.+?)-\\d+(?:/\\d+)?$", "$1",
            "java-12345/12346", "java");

    /** Where in a stack a rule applies. */
    public enum Scope {
        /** Every frame. */
        ANY_FRAME,
        /** Only the first (root) frame, where profilers put process and thread frames. */
        ROOT_FRAME
    }

    private final Scope scope;
    private final Pattern pattern;
    private final String replacement;
    private final String exampleBefore;
    private final String exampleAfter;

    NormalizationRule(Scope scope, String regex, String replacement, String exampleBefore, String exampleAfter) {
        this.scope = scope;
        this.pattern = Pattern.compile(regex);
        this.replacement = replacement;
        this.exampleBefore = exampleBefore;
        this.exampleAfter = exampleAfter;
    }

    public Scope scope() {
        return scope;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** A frame name before this rule applies, for documentation and tests. */
    public String exampleBefore() {
        return exampleBefore;
    }

    /** The same frame after all rules (not just this one) applied. */
    public String exampleAfter() {
        return exampleAfter;
    }

    /** Applies this rule alone. */
    public String apply(String frame) {
        Matcher m = pattern.matcher(frame);
        return m.find() ? m.replaceAll(replacement) : frame;
    }
}
