package io.perfharness.loadtests.run;

import com.sun.tools.attach.VirtualMachine;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.TargetSpec;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.app.ApplicationRuleInference;
import io.perfharness.profiling.app.JvmLaunchFacts;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Map;
import java.util.OptionalLong;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Decides a run's {@link ApplicationRule} once its target answers: {@code perf.app} when given, else
 * inferred from how the target JVM was launched (its system properties, read through the attach API by
 * pid, or over JMX for a {@code jmx:} target), else the library list, saying why. Stateless.
 */
final class ApplicationRuleResolver {
  private ApplicationRuleResolver() {}

  static ApplicationRule resolve(RunConfig config, OptionalLong pid) {
    if (config.app() != null) {
      return ApplicationRule.given(config.app());
    }
    Map<?, ?> properties;
    try {
      if (config.target() instanceof TargetSpec.Url url && url.jmx() != null) {
        properties = overJmx(url.jmx());
      } else if (pid.isPresent()) {
        properties = byAttach(pid.getAsLong());
      } else {
        return ApplicationRule.libraryList("no pid of the target to read its main class from; give --app PREFIX");
      }
    } catch (Exception e) {
      return ApplicationRule.libraryList("the target JVM's main class could not be read (" + e.getMessage()
          + "); give --app PREFIX");
    }
    return ApplicationRuleInference.infer(JvmLaunchFacts.fromSystemProperties(properties));
  }

  private static Map<?, ?> byAttach(long pid) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
    try {
      return vm.getSystemProperties();
    } finally {
      vm.detach();
    }
  }

  private static Map<?, ?> overJmx(TargetSpec.JmxEndpoint jmx) throws Exception {
    String host = jmx.host().contains(":") ? "[" + jmx.host() + "]" : jmx.host();
    try (JMXConnector c = JMXConnectorFactory.connect(
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + jmx.port() + "/jmxrmi"))) {
      RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(c.getMBeanServerConnection(),
          ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
      return runtime.getSystemProperties();
    }
  }

  /** The rule as run.json records it. */
  static RunManifest.Application toManifest(ApplicationRule rule) {
    return new RunManifest.Application(rule.kind().id(), rule.prefixes(), rule.source());
  }
}
