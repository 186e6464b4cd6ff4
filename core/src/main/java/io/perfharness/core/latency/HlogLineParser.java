package io.perfharness.core.latency;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** The line grammar of {@link HlogReader}, with no state: one line of text in, one {@link HlogLine} out. */
final class HlogLineParser {
    /** Epoch milliseconds must fit in a long, because HdrHistogram keeps interval timestamps that way. */
    static final long MAX_SECONDS = Long.MAX_VALUE / 1000;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,20})?");
    private static final Pattern FORMAT_VERSION = Pattern.compile("1\\.\\d{1,3}");
    private static final String SECONDS_SINCE_EPOCH = " (seconds since epoch)";
    private static final String LEGEND_V0 =
        "\"StartTimestamp\",\"EndTimestamp\",\"Interval_Max\",\"Interval_Compressed_Histogram\"";
    private static final String LEGEND =
        "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"";

    // HdrHistogram's compressed encoding cookies; bits 4-7 carry the word size, which varies.
    private static final int COOKIE_WORD_SIZE_BITS = 0xf0;
    private static final int V0_COMPRESSED_COOKIE = 0x1c849309;
    private static final int V1_COMPRESSED_COOKIE = 0x1c849302;
    private static final int V2_COMPRESSED_COOKIE = 0x1c849304;
    private static final int DOUBLE_HISTOGRAM_COMPRESSED_COOKIE = 0x0c72124f;
    private static final int COOKIE_AND_LENGTH_BYTES = 8;

    private HlogLineParser() {
    }

    static HlogLine parse(String text) throws LatencyFormatException {
        if (text.isBlank()) {
            return new HlogLine.Blank();
        }
        // Prefixes are matched loosely so that a misspelt header fails loudly instead of passing as a comment.
        if (text.startsWith("#[StartTime")) {
            return new HlogLine.StartTime(headerSeconds(text, "#[StartTime: ", "StartTime"));
        }
        if (text.startsWith("#[BaseTime")) {
            return new HlogLine.BaseTime(headerSeconds(text, "#[BaseTime: ", "BaseTime"));
        }
        if (text.startsWith("#[Histogram log format version")) {
            return formatVersion(text);
        }
        if (text.startsWith("#")) {
            return new HlogLine.Comment(text.substring(1));
        }
        if (text.startsWith("\"")) {
            if (text.equals(LEGEND) || text.equals(LEGEND_V0)) {
                return new HlogLine.Legend(text.equals(LEGEND_V0));
            }
            throw new LatencyFormatException(null, null, text, "the legend " + LEGEND);
        }
        return intervalHistogram(text);
    }

    private static double headerSeconds(String text, String prefix, String name) throws LatencyFormatException {
        String shape = "'" + prefix + "<seconds>" + SECONDS_SINCE_EPOCH + "[, <date>]]'";
        if (!text.startsWith(prefix)) {
            throw new LatencyFormatException(null, null, text, "a " + name + " header " + shape);
        }
        int end = prefix.length();
        while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != ']') {
            end++;
        }
        double seconds = decimal(text.substring(prefix.length(), end), name + " seconds since epoch");
        String rest = text.substring(end);
        if (!rest.startsWith(SECONDS_SINCE_EPOCH)) {
            throw new LatencyFormatException(null, null, text,
                "'" + SECONDS_SINCE_EPOCH.trim() + "' after the " + name + " seconds, as in " + shape);
        }
        rest = rest.substring(SECONDS_SINCE_EPOCH.length());
        if (!(rest.equals("]") || rest.startsWith(", ") && rest.endsWith("]"))) {
            throw new LatencyFormatException(null, null, text, "the " + name + " header to end with ']', as in " + shape);
        }
        return seconds;
    }

    private static HlogLine formatVersion(String text) throws LatencyFormatException {
        String prefix = "#[Histogram log format version ";
        String version = text.startsWith(prefix) && text.endsWith("]")
            ? text.substring(prefix.length(), text.length() - 1) : "";
        if (!FORMAT_VERSION.matcher(version).matches()) {
            throw new LatencyFormatException(null, null, text,
                "'" + prefix + "1.<minor>]' (versions 1.01 to 1.3 are known)");
        }
        return new HlogLine.FormatVersion(version);
    }

    private static HlogLine intervalHistogram(String text) throws LatencyFormatException {
        String[] fields = text.split(",", -1);
        int first = 0;
        String tag = HlogInterval.UNTAGGED;
        if (fields[0].startsWith("Tag=")) {
            tag = fields[0].substring("Tag=".length());
            if (tag.isEmpty() || !tag.chars().allMatch(c -> c > ' ' && c != 0x7f)) {
                throw new LatencyFormatException(null, null, fields[0],
                    "a non-empty tag without spaces or control characters after 'Tag='");
            }
            first = 1;
        } else if (!PLAIN_DECIMAL.matcher(fields[0]).matches()) {
            throw new LatencyFormatException(null, null, fields[0],
                "'Tag=<tag>' or a StartTimestamp in seconds (a plain decimal like 0.127)");
        }
        int columns = fields.length - first;
        if (columns != 4) {
            throw new LatencyFormatException(null, null, text, String.format(Locale.ROOT,
                "4 comma-separated columns%s (StartTimestamp,Interval_Length,Interval_Max,"
                    + "Interval_Compressed_Histogram), found %d", first == 1 ? " after the tag" : "", columns));
        }
        double timeStampSec = decimal(fields[first], "StartTimestamp in seconds");
        double intervalLengthSec = decimal(fields[first + 1], "Interval_Length in seconds");
        double intervalMax = decimal(fields[first + 2], "Interval_Max");
        Histogram histogram = histogram(fields[first + 3]);
        return new HlogLine.IntervalHistogram(tag, timeStampSec, intervalLengthSec, intervalMax, histogram);
    }

    /** Writers print "%.3f": a sign, an exponent, NaN or Infinity means the line is not what it claims. */
    static double decimal(String text, String what) throws LatencyFormatException {
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new LatencyFormatException(null, null, text, what + " as a plain decimal (like 1.005)");
        }
        double value = Double.parseDouble(text);
        if (value > MAX_SECONDS) {
            throw new LatencyFormatException(null, null, text,
                what + " at most " + MAX_SECONDS + " (epoch milliseconds must fit in a long)");
        }
        return value;
    }

    static Histogram histogram(String base64) throws LatencyFormatException {
        String what = "Interval_Compressed_Histogram ";
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new LatencyFormatException(null, null, base64, what + "in base64 (" + e.getMessage() + ")");
        }
        if (bytes.length < COOKIE_AND_LENGTH_BYTES) {
            throw new LatencyFormatException(null, null, base64,
                what + "of at least 8 bytes (cookie and length), found " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int cookie = buffer.getInt(0);
        int cookieBase = cookie & ~COOKIE_WORD_SIZE_BITS;
        if (cookieBase == DOUBLE_HISTOGRAM_COMPRESSED_COOKIE) {
            throw new LatencyFormatException(null, null, base64,
                what + "of an integer Histogram (DoubleHistogram logs are not read here)");
        }
        if (cookieBase != V0_COMPRESSED_COOKIE && cookieBase != V1_COMPRESSED_COOKIE
            && cookieBase != V2_COMPRESSED_COOKIE) {
            throw new LatencyFormatException(null, null, base64, String.format(Locale.ROOT,
                "%sto start with a compressed Histogram cookie (0x1c8493x9, 0x1c8493x2 or 0x1c8493x4), "
                    + "found 0x%08x", what, cookie));
        }
        // HdrHistogram stops inflating when it has what it needs and ignores the rest; garbage after the
        // payload (as in fuzzed logs) would otherwise pass. Every real log we have matches exactly.
        int compressedLength = buffer.getInt(4);
        if (compressedLength != bytes.length - COOKIE_AND_LENGTH_BYTES) {
            throw new LatencyFormatException(null, null, base64, String.format(Locale.ROOT,
                "%swith as many compressed bytes as its length field says (%d), found %d",
                what, compressedLength, bytes.length - COOKIE_AND_LENGTH_BYTES));
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(buffer, 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new LatencyFormatException(null, null, base64,
                what + "that HdrHistogram can decode (" + e + ")", e);
        }
    }
}
