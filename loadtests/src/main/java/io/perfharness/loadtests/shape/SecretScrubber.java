package io.perfharness.loadtests.shape;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text before anything derived from an access log is stored or printed:
 * values of query parameters (and {@code name=value} pairs) named like token, key, secret,
 * password, session, auth, signature; Authorization and Cookie header values; bearer tokens;
 * e-mail addresses; and optionally the client field of a log line. Immutable, thread-safe.
 */
public final class SecretScrubber {
    /** Names whose values are secrets: matched anywhere in the name, case-insensitive. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)[a-z0-9_.\\-]*(token|key|secret|passw|pwd|session|sessid|sid|auth|signature|sig|credential|cookie|jwt)"
                    + "[a-z0-9_.\\-]*");
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)([?&;,\\s\"{]|^)(" + SECRET_NAME.pattern() + ")(\"?\\s*[=:]\\s*\"?)([^&\\s\"',;}]+)");
    private static final Pattern HEADER = Pattern.compile("(?i)\\b(authorization|proxy-authorization|cookie|set-cookie)(\"?\\s*[:=]\\s*\"?)([^\"\\r\\n]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic|digest)\\s+[A-Za-z0-9._~+/=\\-]+");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+(@|%40)[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");
    public static final String REDACTED = "{redacted}";

    private final boolean keepClient;

    /** @param keepClient keep the client address (first field of a CLF line) in examples */
    public SecretScrubber(boolean keepClient) {
        this.keepClient = keepClient;
    }

    /** Scrubs a whole log line (for the report's examples): secrets, e-mails, and the client field. */
    public String scrubLine(String line) {
        String s = scrubText(line);
        if (!keepClient) {
            int sp = s.indexOf(' ');
            if (sp > 0 && s.indexOf('[') > sp && !s.startsWith("{")) {
                s = "{client}" + s.substring(sp);
            }
            s = s.replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b", "{ip}");
        }
        return s;
    }

    /** Scrubs free text: header values, bearer tokens, secret name=value pairs, e-mail addresses. */
    public static String scrubText(String text) {
        String s = HEADER.matcher(text).replaceAll("$1$2" + Matcher.quoteReplacement(REDACTED));
        s = BEARER.matcher(s).replaceAll("$1 " + Matcher.quoteReplacement(REDACTED));
        s = SECRET_PAIR.matcher(s).replaceAll("$1$2$4" + Matcher.quoteReplacement(REDACTED));
        return EMAIL.matcher(s).replaceAll("{email}");
    }

    /** Whether a query parameter or field name names a secret. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }
}
