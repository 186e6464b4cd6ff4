package io.perfharness.service.logging;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: the caller's {@code X-Request-Id} when it is sane, otherwise a fresh random one.
 * Generation avoids {@code UUID.randomUUID()} on purpose: its SecureRandom is synchronized and would
 * add a lock of ours to every lock profile. Stateless.
 */
public final class RequestIds {
    /** Longer incoming ids are replaced, so a client cannot blow up log lines. */
    public static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /** The incoming id if it is 1..128 characters of [A-Za-z0-9._:-], else a generated one. */
    public static String acceptOrGenerate(String incoming) {
        return isAcceptable(incoming) ? incoming : generate();
    }

    /** 16 lower-case hex digits. */
    public static String generate() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    static boolean isAcceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
