package io.perfharness.profiling.query;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.event.ProfilingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The application view of a profile: every stack is cut below its deepest application frame, so
 * the cost of JDK, library, JIT and kernel frames is charged to the application method that called
 * into them ("where in our code does the time go"). Stacks with no application frame at all (idle
 * pool threads, GC, the JIT compiler) are kept as one pseudo-frame, {@value #OUTSIDE}, so totals and
 * shares stay those of the whole profile. Stateless.
 *
 * <p>An application frame is a Java method frame ({@code package.Class.method}) whose package is not
 * one of the JDK's or of the common libraries listed in {@link #LIBRARY_PREFIXES}. For alloc and
 * lock profiles the leaf frame is the allocated or contended class, not a method, and is never
 * taken as the application frame.
 */
public final class ApplicationFrames {
  /** The pseudo-frame of stacks without any application frame. */
  public static final String OUTSIDE = "(no application frame)";

  /** Package prefixes treated as library code; everything else in Java is the application. */
  public static final List<String> LIBRARY_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "kotlin.", "kotlinx.", "scala.",
      "org.eclipse.jetty.", "io.javalin.", "io.netty.", "io.undertow.", "org.apache.", "org.springframework.",
      "org.h2.", "com.zaxxer.hikari.", "org.postgresql.", "com.mysql.", "org.hibernate.", "org.jooq.",
      "com.fasterxml.jackson.", "com.google.", "ch.qos.logback.", "org.slf4j.", "io.micrometer.", "io.prometheus.",
      "reactor.", "io.grpc.", "io.vertx.", "org.glassfish.", "org.jboss.", "io.gatling.", "net.bytebuddy.",
      "org.HdrHistogram.", "one.profiler.");

  private static final Pattern JAVA_METHOD =
      Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z_$][\\w$]*(?:\\$[\\w$]*)*\\.[\\w$<>]+");

  private ApplicationFrames() {}

  public static boolean isApplication(String frame) {
    if (!JAVA_METHOD.matcher(frame).matches()) {
      return false;
    }
    for (String prefix : LIBRARY_PREFIXES) {
      if (frame.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  /** The profile with each stack ending at its deepest application frame (same total count). */
  public static CollapsedProfile view(CollapsedProfile profile, ProfilingEvent event) {
    boolean leafIsType = event == ProfilingEvent.ALLOC || event == ProfilingEvent.LOCK;
    List<CollapsedStack> cut = new ArrayList<>(profile.stacks().size());
    for (CollapsedStack stack : profile.stacks()) {
      List<String> frames = stack.frames();
      int last = leafIsType ? frames.size() - 2 : frames.size() - 1;
      int deepest = -1;
      for (int i = last; i >= 0; i--) {
        if (isApplication(frames.get(i))) {
          deepest = i;
          break;
        }
      }
      List<String> kept = deepest < 0 ? List.of(OUTSIDE) : frames.subList(0, deepest + 1);
      cut.add(new CollapsedStack(kept, stack.count()));
    }
    return CollapsedProfile.of(cut);
  }
}
