package io.perfharness.core.latency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Turns request names into hlog tags; a pure function, so a name gets the same tag in every run. */
public final class HlogTags {
    private static final int HASH_HEX_CHARS = 8;

    private HlogTags() {
    }

    /**
     * The request name itself when it is made only of {@code A-Z a-z 0-9 _ . : / -}; otherwise the name
     * with every other character replaced by '_', then '~' and 8 hex digits of the name's SHA-256.
     * HdrHistogram's Java writer rejects commas, spaces and line breaks in tags and its reader splits on
     * them; we also avoid '=' and the rest, which other tools treat as syntax. The hash keeps "a b" and
     * "a,b" apart, and since '~' is never kept, a replaced tag can never equal a name that passes unchanged.
     *
     * @throws IllegalArgumentException if the name is null
     */
    public static String forRequestName(String requestName) {
        if (requestName == null) {
            throw new IllegalArgumentException("requestName must not be null");
        }
        StringBuilder tag = new StringBuilder(requestName.length() + 1 + HASH_HEX_CHARS);
        boolean replaced = requestName.isEmpty();
        for (int i = 0; i < requestName.length(); ) {
            int codePoint = requestName.codePointAt(i);
            if (isKept(codePoint)) {
                tag.appendCodePoint(codePoint);
            } else {
                tag.append('_');
                replaced = true;
            }
            i += Character.charCount(codePoint);
        }
        if (replaced) {
            tag.append('~').append(hashHex(requestName));
        }
        return tag.toString();
    }

    private static boolean isKept(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
            || c == '_' || c == '.' || c == ':' || c == '/' || c == '-';
    }

    private static String hashHex(String requestName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
