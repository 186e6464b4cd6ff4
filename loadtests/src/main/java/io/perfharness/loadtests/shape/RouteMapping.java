package io.perfharness.loadtests.shape;

import io.perfharness.loadtests.schedule.RequestSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping file, read by {@link RouteMappingReader}: template rules for {@code perf shape} and
 * routes that turn a shape's templates into requests to the target. Immutable.
 *
 * @param file the file it was read from (for messages)
 * @param templateRules path rewrites tried before the built-in templating
 * @param routes first match wins
 */
public record RouteMapping(String file, String description, List<PathTemplater.TemplateRule> templateRules, List<Route> routes) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+)(?::([^}]*))?}");

    /**
     * One route: {@code match} is a glob over "METHOD /template" ({@code *} any characters but
     * {@code /}, {@code **} anything); the request is {@code method}, {@code path} and {@code body}
     * with placeholders {@code ${int:MIN:MAX}}, {@code ${pick:a|b|c}}, {@code ${uuid}}; latency is
     * recorded under {@code name}.
     */
    public record Route(String match, Pattern matchPattern, String name, String method, String path, String body, int line) {
        public boolean matches(String templateName) {
            return matchPattern.matcher(templateName).matches();
        }

        /** A concrete request, placeholders filled from the seeded random source. */
        public RequestSpec request(Random random) {
            return new RequestSpec(name, method, fill(path, random), body == null ? "" : fill(body, random));
        }
    }

    /** The first route matching the template name, or null. */
    public Route routeFor(String templateName) {
        for (Route r : routes) {
            if (r.matches(templateName)) {
                return r;
            }
        }
        return null;
    }

    /** Glob over "METHOD /path": {@code **} anything, {@code *} anything but '/'. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** @throws IllegalArgumentException naming a placeholder that is not one of int, pick, uuid */
    static String fill(String text, Random random) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String arg = m.group(2);
            String value = switch (m.group(1)) {
                case "int" -> {
                    String[] range = arg.split(":");
                    long min = Long.parseLong(range[0]);
                    long max = Long.parseLong(range[1]);
                    yield Long.toString(min + (long) (random.nextDouble() * (max - min + 1)));
                }
                case "pick" -> {
                    String[] options = arg.split("\\|");
                    yield options[random.nextInt(options.length)];
                }
                case "uuid" -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
                default -> throw new IllegalArgumentException("placeholder '" + m.group() + "' is not ${int:MIN:MAX}, ${pick:a|b}"
                        + " or ${uuid}");
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Checks placeholders without a random source; returns a problem text or null. */
    static String checkPlaceholders(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String kind = m.group(1);
            String arg = m.group(2);
            boolean ok = switch (kind) {
                case "int" -> arg != null && arg.matches("\\d+:\\d+") && Long.parseLong(arg.split(":")[0]) <= Long.parseLong(arg.split(":")[1]);
                case "pick" -> arg != null && !arg.isEmpty();
                case "uuid" -> arg == null;
                default -> false;
            };
            if (!ok) {
                return "placeholder '" + m.group() + "' must be ${int:MIN:MAX} (MIN <= MAX), ${pick:a|b|c} or ${uuid}";
            }
        }
        if (text.contains("${") && !PLACEHOLDER.matcher(text).find()) {
            return "'" + text + "' has an unterminated ${...}";
        }
        return null;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Lists routes in a fixed order for messages. */
    public List<String> routeMatches() {
        List<String> out = new ArrayList<>();
        routes.forEach(r -> out.add(r.match()));
        return out;
    }
}
