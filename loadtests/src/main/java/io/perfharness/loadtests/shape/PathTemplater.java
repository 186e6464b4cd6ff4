package io.perfharness.loadtests.shape;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request target into a route template: the query and matrix parameters are dropped (they
 * hold ids and secrets, and a route does not depend on them), then each path segment that is an
 * id becomes a placeholder: digits {@code {id}}, UUIDs {@code {uuid}}, hex of 16+ characters
 * {@code {hash}}, long mixed letters-and-digits {@code {token}}, e-mail addresses {@code {email}}.
 * Rules from a mapping file ({@link TemplateRule}) are tried first; the first that finds a match
 * rewrites the path and the built-in rules still run on the result. Immutable, thread-safe.
 */
public final class PathTemplater {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** One override: a regex found in the path, replaced by a template (Java replacement syntax). */
    public record TemplateRule(Pattern pattern, String template) {}

    private final List<TemplateRule> rules;

    public PathTemplater(List<TemplateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public PathTemplater() {
        this(List.of());
    }

    /** The template of a request target ({@code /orders/123?x=1} gives {@code /orders/{id}}). */
    public String template(String target) {
        int q = target.indexOf('?');
        String path = q >= 0 ? target.substring(0, q) : target;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        for (TemplateRule rule : rules) {
            Matcher m = rule.pattern().matcher(path);
            if (m.find()) {
                path = m.replaceFirst(rule.template());
                break;
            }
        }
        StringBuilder out = new StringBuilder(path.length());
        int start = 0;
        while (start < path.length()) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                slash = path.length();
            }
            if (slash > start) {
                out.append(segment(path.substring(start, slash)));
            }
            if (slash < path.length()) {
                out.append('/');
            }
            start = slash + 1;
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    static String segment(String raw) {
        int semi = raw.indexOf(';');
        String s = semi >= 0 ? raw.substring(0, semi) : raw; // ;jsessionid=... and other matrix parameters
        if (s.isEmpty() || (s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}')) {
            return s;
        }
        int digits = 0;
        int hex = 0;
        int letters = 0;
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                hex++;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                hex++;
                letters++;
            } else if ((c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z')) {
                letters++;
            } else if (c != '-' && c != '_') {
                other++;
            }
        }
        if (digits == s.length()) {
            return "{id}";
        }
        if (s.indexOf('@') > 0 || s.contains("%40")) {
            return SecretScrubber.EMAIL.matcher(s).find() ? "{email}" : s;
        }
        if (s.length() == 36 && UUID.matcher(s).matches()) {
            return "{uuid}";
        }
        if (hex == s.length() && s.length() >= 16 && digits > 0) {
            return "{hash}";
        }
        if (s.length() >= 16 && digits > 0 && letters > 0 && other <= 2 && classChanges(s) * 4 >= s.length()) {
            return "{token}"; // random-looking: base64, API keys, JWT parts (words and file names change class rarely)
        }
        return s;
    }

    /** How often consecutive characters switch between lower case, upper case and digits. */
    private static int classChanges(String s) {
        int changes = 0;
        int previous = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cls = c >= '0' && c <= '9' ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : -1;
            if (cls >= 0) {
                if (previous >= 0 && cls != previous) {
                    changes++;
                }
                previous = cls;
            }
        }
        return changes;
    }
}
