package io.perfharness.profiling.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Infers a target's {@link ApplicationRule} from how its JVM was launched, never from what our own
 * sample service happens to be:
 * <ol>
 *   <li>the main class ({@code sun.java.command}), or for {@code java -jar} the jar's
 *       {@code Start-Class} (Spring Boot's fat jars, whose {@code Main-Class} is Boot's launcher) or
 *       {@code Main-Class}: its package is an application root;</li>
 *   <li>the classes of the target's own code: every class directory on its class path (build
 *       output, never a dependency), a fat jar's {@code BOOT-INF/classes} or {@code WEB-INF/classes},
 *       and in a plain launched jar the packages that share the main class's first two package names
 *       (a shaded jar also holds its libraries, which must not pass for the application);</li>
 *   <li>the default package always counts;</li>
 *   <li>when none of this is known, the library list ({@link ApplicationRule.Kind#LIBRARY_LIST}).</li>
 * </ol>
 * Stateless; reads the file system (jars and class directories), bounded in files visited.
 */
public final class ApplicationRuleInference {
    /** More roots than this are merged to shorter ones: a rule is read by people. */
    static final int MAX_PREFIXES = 24;
    /** Class files visited per class directory at most (a build output, not a file system). */
    static final int MAX_CLASS_FILES = 50_000;
    private static final String[] LAUNCHERS = {
        "org.springframework.boot.loader.launch.", "org.springframework.boot.loader.", "org.codehaus.plexus.classworlds."};

    private ApplicationRuleInference() {
    }

    /** The rule for a JVM launched as {@code facts} say. */
    public static ApplicationRule infer(JvmLaunchFacts facts) {
        TreeSet<String> packages = new TreeSet<>();
        List<String> from = new ArrayList<>();
        boolean defaultPackage = false;
        String main = null;
        Path launchedJar = launchedJar(facts).orElse(null);
        if (launchedJar != null) {
            JarFacts jar = readJar(launchedJar);
            if (jar != null) {
                main = jar.startClass != null ? jar.startClass : jar.mainClass;
                if (main != null && !isLauncher(main)) {
                    from.add((jar.startClass != null ? "Start-Class " : "Main-Class ") + main + " of " + launchedJar);
                } else {
                    main = null;
                }
                if (!jar.ownClasses.isEmpty()) {
                    from.add(jar.ownClassesFolder + " of " + launchedJar.getFileName());
                    defaultPackage |= addPackages(jar.ownClasses, packages);
                } else if (main != null) {
                    defaultPackage |= addPackages(siblingsOf(main, jar.allClasses), packages);
                }
            } else {
                from.add("the launched jar " + launchedJar + " could not be read");
            }
        } else {
            String mainClass = mainClass(facts).orElse(null);
            if (mainClass != null && !isLauncher(mainClass)) {
                main = mainClass;
                from.add("main class " + main);
            }
        }
        if (main != null) {
            defaultPackage |= addPackages(List.of(main), packages);
        }
        if (launchedJar == null) {
            List<String> jars = new ArrayList<>();
            for (String entry : facts.classPath()) {
                Path p = resolve(facts, entry);
                if (Files.isDirectory(p)) {
                    List<String> classes = classesIn(p);
                    if (!classes.isEmpty()) {
                        from.add("class directory " + p);
                        defaultPackage |= addPackages(classes, packages);
                    }
                } else if (entry.endsWith(".jar")) {
                    jars.add(entry);
                }
            }
            if (jars.size() == 1 && facts.classPath().size() == 1 && main != null) {
                // java -cp app.jar com.acme.Main: the one jar is the application's own
                JarFacts jar = readJar(resolve(facts, jars.get(0)));
                if (jar != null) {
                    defaultPackage |= addPackages(siblingsOf(main, jar.allClasses), packages);
                }
            }
        }
        if (packages.isEmpty() && !defaultPackage) {
            return ApplicationRule.libraryList("nothing to infer from" + (facts.javaCommand() == null
                    ? " (the JVM did not say its main class)" : " in `" + firstWord(facts.javaCommand()) + "`")
                    + "; give --app PREFIX");
        }
        List<String> prefixes = new ArrayList<>(roots(packages));
        if (defaultPackage) {
            prefixes.add(0, ApplicationRule.DEFAULT_PACKAGE);
        }
        return new ApplicationRule(ApplicationRule.Kind.INFERRED, prefixes, String.join("; ", from));
    }

    private static boolean isLauncher(String className) {
        for (String l : LAUNCHERS) {
            if (className.startsWith(l)) {
                return true;
            }
        }
        return false;
    }

    /** The jar of {@code java -jar app.jar ...}: the command's first word ends in .jar (paths with spaces tried too). */
    static Optional<Path> launchedJar(JvmLaunchFacts facts) {
        String command = facts.javaCommand();
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        int end = command.indexOf(".jar");
        while (end >= 0) {
            int stop = end + ".jar".length();
            if (stop == command.length() || Character.isWhitespace(command.charAt(stop))) {
                String candidate = command.substring(0, stop).strip();
                if (!candidate.contains(" ") || Files.isRegularFile(resolve(facts, candidate))) {
                    return Optional.of(resolve(facts, candidate));
                }
            }
            end = command.indexOf(".jar", stop);
        }
        return Optional.empty();
    }

    /** The main class of {@code java [-cp ...] com.acme.Main ...} or {@code java -m mod/com.acme.Main}. */
    static Optional<String> mainClass(JvmLaunchFacts facts) {
        String command = facts.javaCommand();
        if (command == null || command.isBlank()) {
            return Optional.empty();
        }
        String first = firstWord(command);
        int slash = first.indexOf('/');
        String name = slash >= 0 ? first.substring(slash + 1) : first;
        return name.matches("[\\w$]+(?:\\.[\\w$]+)*") ? Optional.of(name) : Optional.empty();
    }

    private static String firstWord(String command) {
        String s = command.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static Path resolve(JvmLaunchFacts facts, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || facts.userDir() == null ? p : Path.of(facts.userDir()).resolve(p).normalize();
    }

    /** Adds the packages of the classes; true if one of them is in the default package. */
    private static boolean addPackages(List<String> classNames, TreeSet<String> packages) {
        boolean defaultPackage = false;
        for (String c : classNames) {
            int dot = c.lastIndexOf('.');
            if (dot < 0) {
                defaultPackage = true;
            } else {
                packages.add(c.substring(0, dot));
            }
        }
        return defaultPackage;
    }

    /** Classes of a plain jar that share the main class's first two package names (or its whole package). */
    private static List<String> siblingsOf(String main, List<String> classes) {
        int dot = main.lastIndexOf('.');
        if (dot < 0) {
            return classes.stream().filter(c -> c.indexOf('.') < 0).toList();
        }
        String[] parts = main.substring(0, dot).split("\\.");
        String root = parts.length >= 2 ? parts[0] + "." + parts[1] + "." : parts[0] + ".";
        return classes.stream().filter(c -> c.startsWith(root)).toList();
    }

    /** The fewest package prefixes (ending with '.') that cover the packages, merged to shorter ones past a limit. */
    static List<String> roots(TreeSet<String> packages) {
        List<String> roots = minimal(packages);
        for (int depth = 4; roots.size() > MAX_PREFIXES && depth >= 1; depth--) {
            TreeSet<String> shorter = new TreeSet<>();
            for (String r : roots) {
                String[] parts = r.substring(0, r.length() - 1).split("\\.");
                shorter.add(String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length))));
            }
            roots = minimal(shorter);
        }
        return roots;
    }

    private static List<String> minimal(TreeSet<String> packages) {
        List<String> roots = new ArrayList<>();
        for (String p : packages) { // sorted: a parent package comes right before its subpackages
            String prefix = p + ".";
            if (roots.isEmpty() || !prefix.startsWith(roots.get(roots.size() - 1))) {
                roots.add(prefix);
            }
        }
        return roots;
    }

    private record JarFacts(String mainClass, String startClass, List<String> ownClasses, String ownClassesFolder,
                            List<String> allClasses) {
    }

    private static JarFacts readJar(Path path) {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            List<String> own = new ArrayList<>();
            List<String> all = new ArrayList<>();
            String ownFolder = null;
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements() && all.size() + own.size() < MAX_CLASS_FILES) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || name.endsWith("module-info.class") || name.endsWith("package-info.class")) {
                    continue;
                }
                if (name.startsWith("BOOT-INF/classes/") || name.startsWith("WEB-INF/classes/")) {
                    ownFolder = name.substring(0, name.indexOf("/classes/") + "/classes/".length());
                    own.add(className(name.substring(ownFolder.length())));
                } else if (!name.startsWith("META-INF/") && !name.startsWith("BOOT-INF/") && !name.startsWith("WEB-INF/")) {
                    all.add(className(name));
                }
            }
            return new JarFacts(main == null ? null : main.getValue("Main-Class"),
                    main == null ? null : main.getValue("Start-Class"), own, ownFolder, all);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static String className(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }

    private static List<String> classesIn(Path dir) {
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 64, FileVisitOption.FOLLOW_LINKS)) {
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".class") && !n.equals("module-info.class") && !n.equals("package-info.class");
            }).limit(MAX_CLASS_FILES).forEach(f -> classes.add(className(dir.relativize(f).toString()
                    .replace(f.getFileSystem().getSeparator(), "/"))));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return classes; // what was read so far; an unreadable folder adds nothing
        }
        return classes;
    }
}
