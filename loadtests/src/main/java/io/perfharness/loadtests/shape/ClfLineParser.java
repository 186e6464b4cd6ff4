package io.perfharness.loadtests.shape;

/**
 * Parses Apache/NGINX common and combined log lines, with or without a trailing request-time
 * field. Hand-written (no regex) because extraction must stream a gigabyte in under a minute.
 *
 * <pre>
 * 83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /a/b.png HTTP/1.1" 200 203023 "http://x/" "Mozilla/5.0"
 * in24.inetnebr.com - - [01/Aug/1995:00:00:01 -0400] "GET /shuttle/countdown/ HTTP/1.0" 200 1839
 * 10.0.0.1 - - [01/Aug/2026:00:00:01 +0000] "GET /api/x HTTP/1.1" 200 17 "-" "curl/8" 0.012
 * </pre>
 *
 * Fields: client, identity, user, {@code [timestamp]}, {@code "request line"}, status, bytes (or
 * {@code -}); combined adds quoted referer and user agent. A last whitespace-separated number after
 * those is the request time: with a decimal point it is seconds (NGINX {@code $request_time}),
 * without one microseconds (Apache {@code %D}), unless a unit is given. Mutable (caches the last
 * timestamp); one instance per reading thread.
 */
public final class ClfLineParser implements AccessLogLineParser {
    /** How a trailing integer request time is read; a decimal number is always seconds under AUTO. */
    public enum ServerTimeUnit { AUTO, MICROS, MILLIS, SECONDS }

    private final ServerTimeUnit timeUnit;
    private final ClfTimestamp timestamps = new ClfTimestamp();

    public ClfLineParser(ServerTimeUnit timeUnit) {
        this.timeUnit = timeUnit;
    }

    public ClfLineParser() {
        this(ServerTimeUnit.AUTO);
    }

    @Override
    public AccessLogEntry parseLine(String line) throws SkippedLineException {
        int open = line.indexOf('[');
        if (open < 0) {
            throw new SkippedLineException(line.isBlank() ? "blank line" : "no [timestamp]");
        }
        int close = line.indexOf(']', open);
        if (close < 0) {
            throw new SkippedLineException("unterminated [timestamp]");
        }
        long epochMillis = timestamps.parse(line, open + 1, close);
        int quote = close + 1;
        if (quote + 1 >= line.length() || line.charAt(quote) != ' ' || line.charAt(quote + 1) != '"') {
            throw new SkippedLineException("no quoted request line after the timestamp");
        }
        int requestStart = quote + 2;
        int requestEnd = requestEnd(line, requestStart);
        if (requestEnd < 0) {
            throw new SkippedLineException("unterminated request line");
        }
        int sp1 = line.indexOf(' ', requestStart);
        if (sp1 < 0 || sp1 >= requestEnd || sp1 == requestStart) {
            throw new SkippedLineException("request line is not METHOD TARGET");
        }
        String method = line.substring(requestStart, sp1);
        if (!isMethod(method)) {
            throw new SkippedLineException("request line is not METHOD TARGET");
        }
        int sp2 = line.lastIndexOf(' ', requestEnd - 1);
        int targetEnd = sp2 > sp1 && line.startsWith("HTTP/", sp2 + 1) ? sp2 : requestEnd;
        if (targetEnd <= sp1 + 1 || line.charAt(sp1 + 1) != '/') {
            throw new SkippedLineException("request target is not a path");
        }
        String target = line.substring(sp1 + 1, targetEnd);
        int pos = requestEnd + 2; // past '" '
        int statusEnd = line.indexOf(' ', pos);
        if (statusEnd < 0) {
            throw new SkippedLineException("no size field after the status");
        }
        int status = (int) digits(line, pos, statusEnd, "status is not a number");
        if (status < 100 || status > 599) {
            throw new SkippedLineException("status out of range 100-599");
        }
        int bytesEnd = line.indexOf(' ', statusEnd + 1);
        if (bytesEnd < 0) {
            bytesEnd = line.length();
        }
        long bytes = bytesEnd == statusEnd + 2 && line.charAt(statusEnd + 1) == '-' ? -1
                : digits(line, statusEnd + 1, bytesEnd, "size is not a number or -");
        long serverTimeMicros = serverTime(line, bytesEnd);
        return new AccessLogEntry(epochMillis, method, target, status, bytes, serverTimeMicros);
    }

    /** Index of the quote closing the request line: the first {@code "} followed by a space and a digit. */
    private static int requestEnd(String line, int from) {
        int i = from;
        while ((i = line.indexOf('"', i)) >= 0) {
            if (i + 2 < line.length() && line.charAt(i + 1) == ' ' && Character.isDigit(line.charAt(i + 2))) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isMethod(String s) {
        if (s.isEmpty() || s.length() > 16) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static long digits(String line, int from, int to, String reason) throws SkippedLineException {
        if (from >= to || to - from > 18) {
            throw new SkippedLineException(reason);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new SkippedLineException(reason);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The request-time field: the first token after the size (common) or after the user agent's
     * closing quote (combined), when it is a number.
     */
    private long serverTime(String line, int afterBytes) {
        int from = afterBytes;
        if (from + 1 < line.length() && line.charAt(from + 1) == '"') {
            from = line.lastIndexOf('"') + 1;
            if (from <= afterBytes + 1) {
                return -1;
            }
        }
        while (from < line.length() && line.charAt(from) == ' ') {
            from++;
        }
        int end = from;
        boolean decimal = false;
        while (end < line.length() && line.charAt(end) != ' ') {
            char c = line.charAt(end);
            if (c == '.' && !decimal) {
                decimal = true;
            } else if (c < '0' || c > '9') {
                return -1;
            }
            end++;
        }
        if (end == from || (decimal && end == from + 1)) {
            return -1;
        }
        double value = Double.parseDouble(line.substring(from, end));
        ServerTimeUnit unit = timeUnit == ServerTimeUnit.AUTO
                ? (decimal ? ServerTimeUnit.SECONDS : ServerTimeUnit.MICROS) : timeUnit;
        return switch (unit) {
            case SECONDS -> Math.round(value * 1_000_000);
            case MILLIS -> Math.round(value * 1_000);
            default -> Math.round(value);
        };
    }
}
