package io.perfharness.loadtests.shape;

/**
 * Parses the CLF timestamp {@code 17/May/2015:10:05:03 +0000} into epoch milliseconds without
 * java.time on the hot path; remembers the last text, because consecutive lines mostly share their
 * second. Mutable, not thread-safe.
 */
final class ClfTimestamp {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private String lastLine;
    private int lastFrom;
    private int lastTo;
    private long lastEpochMillis;

    long parse(String line, int from, int to) throws SkippedLineException {
        if (lastLine != null && to - from == lastTo - lastFrom && line.regionMatches(from, lastLine, lastFrom, to - from)) {
            return lastEpochMillis;
        }
        // dd/MMM/yyyy:HH:mm:ss +zzzz
        if (to - from != 26 || line.charAt(from + 2) != '/' || line.charAt(from + 6) != '/'
                || line.charAt(from + 11) != ':' || line.charAt(from + 20) != ' ') {
            throw new SkippedLineException("timestamp is not dd/MMM/yyyy:HH:mm:ss +zzzz");
        }
        int day = num(line, from, 2);
        int month = MONTHS.indexOf(line.substring(from + 3, from + 6)) / 3 + 1;
        if (month <= 0 || MONTHS.indexOf(line.substring(from + 3, from + 6)) % 3 != 0) {
            throw new SkippedLineException("timestamp is not dd/MMM/yyyy:HH:mm:ss +zzzz");
        }
        int year = num(line, from + 7, 4);
        int hour = num(line, from + 12, 2);
        int minute = num(line, from + 15, 2);
        int second = num(line, from + 18, 2);
        char sign = line.charAt(from + 21);
        int zoneHours = num(line, from + 22, 2);
        int zoneMinutes = num(line, from + 24, 2);
        if ((sign != '+' && sign != '-') || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            throw new SkippedLineException("timestamp is not dd/MMM/yyyy:HH:mm:ss +zzzz");
        }
        long offsetSeconds = (sign == '-' ? -1 : 1) * (zoneHours * 3600L + zoneMinutes * 60L);
        long epochSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        lastLine = line;
        lastFrom = from;
        lastTo = to;
        lastEpochMillis = epochSeconds * 1000;
        return lastEpochMillis;
    }

    private static int num(String s, int from, int length) throws SkippedLineException {
        int v = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new SkippedLineException("timestamp is not dd/MMM/yyyy:HH:mm:ss +zzzz");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }
}
