package io.perfharness.profiling.diff;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.collapsed.CollapsedFormatException;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.collapsed.MalformedLineException;
import io.perfharness.profiling.collapsed.StackLineReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a plain folded file into a {@link DiffAccumulator} straight from bytes: each distinct
 * raw frame is decoded and normalized once, every other occurrence is a hash lookup of its bytes.
 * Lines split at {@code \n}, {@code \r} or {@code \r\n}, as {@code BufferedReader} splits them,
 * so line numbers match {@link CollapsedReader}. Any line the byte path does not accept as
 * plainly valid goes through {@link CollapsedReader#parseLine}, which either reads it exactly as
 * the strict reader would or throws; the error then carries file and line number. Single use.
 */
final class CollapsedFileScanner {
    private static final int MAX_SAFE_COUNT_DIGITS = 18;

    private final DiffAccumulator acc;
    private final RawFrameTable rawFrames = new RawFrameTable();
    private int[] normalizedIds = new int[1024];
    private int[] normalizedRootIds = new int[1024];
    private int[] stackIds = new int[256];

    CollapsedFileScanner(DiffAccumulator acc) {
        this.acc = acc;
        Arrays.fill(normalizedIds, -1);
        Arrays.fill(normalizedRootIds, -1);
    }

    void scan(Path file) throws ProfilingException {
        String source = file.toString();
        long lineNumber = 0;
        try (InputStream in = StackLineReader.open(file)) {
            byte[] buf = new byte[1 << 20];
            int start = 0;
            int end = 0;
            boolean skipLf = false;
            for (int n = in.read(buf, end, buf.length - end); n >= 0; n = in.read(buf, end, buf.length - end)) {
                end += n;
                int pos = start;
                while (pos < end) {
                    if (skipLf) {
                        skipLf = false;
                        if (buf[pos] == '\n') {
                            start = ++pos;
                            continue;
                        }
                    }
                    int t = pos;
                    while (t < end && buf[t] != '\n' && buf[t] != '\r') {
                        t++;
                    }
                    if (t == end) {
                        break;
                    }
                    line(buf, pos, t, source, ++lineNumber);
                    skipLf = buf[t] == '\r';
                    pos = t + 1;
                    start = pos;
                }
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
                if (end == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            if (end > start) {
                line(buf, start, end, source, ++lineNumber);
            }
        } catch (IOException e) {
            throw new ProfilingException("could not read " + source + " after line " + lineNumber + ": " + e, e);
        }
    }

    private void line(byte[] buf, int from, int to, String source, long lineNumber) throws CollapsedFormatException {
        if (!fastLine(buf, from, to)) {
            slowLine(new String(buf, from, to - from, StandardCharsets.UTF_8), source, lineNumber);
        }
    }

    /** Reads a plainly valid line; false (having added nothing) for anything else. */
    private boolean fastLine(byte[] buf, int from, int to) {
        int end = to;
        while (end > from && isAsciiWhitespace(buf[end - 1])) {
            end--;
        }
        int space = end - 1;
        while (space > from && buf[space] >= '0' && buf[space] <= '9') {
            space--;
        }
        int digits = end - space - 1;
        if (space <= from || buf[space] != ' ' || digits == 0 || digits > MAX_SAFE_COUNT_DIGITS) {
            return false;
        }
        if (end < to && buf[end] != ' ' && buf[end] != '\t') {
            return false; // other whitespace: let String.stripTrailing decide
        }
        long count = 0;
        for (int i = space + 1; i < end; i++) {
            count = count * 10 + (buf[i] - '0');
        }
        int frames = 0;
        int frameStart = from;
        int hash = 0;
        for (int i = from; i <= space; i++) {
            byte b = i < space ? buf[i] : (byte) ';';
            if (b == ';') {
                if (i == frameStart) {
                    return false; // empty frame: the slow path names the problem
                }
                if (frames == stackIds.length) {
                    stackIds = Arrays.copyOf(stackIds, frames * 2);
                }
                stackIds[frames] = normalizedId(buf, frameStart, i, hash, frames == 0);
                frames++;
                frameStart = i + 1;
                hash = 0;
            } else {
                hash = 31 * hash + b;
            }
        }
        acc.addStack(stackIds, frames, count);
        return true;
    }

    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\f' || b == 0x0B || b >= 0x1C && b <= 0x1F;
    }

    private int normalizedId(byte[] buf, int from, int to, int hash, boolean root) {
        int raw = rawFrames.intern(buf, from, to, hash);
        int[] ids = root ? normalizedRootIds : normalizedIds;
        if (raw >= ids.length) {
            int oldLength = ids.length;
            ids = Arrays.copyOf(ids, Math.max(raw + 1, oldLength * 2));
            Arrays.fill(ids, oldLength, ids.length, -1);
            if (root) {
                normalizedRootIds = ids;
            } else {
                normalizedIds = ids;
            }
        }
        int id = ids[raw];
        if (id < 0) {
            id = acc.frameIdOfRaw(new String(buf, from, to - from, StandardCharsets.UTF_8), root);
            ids[raw] = id;
        }
        return id;
    }

    private void slowLine(String line, String source, long lineNumber) throws CollapsedFormatException {
        CollapsedStack stack;
        try {
            stack = CollapsedReader.parseLine(line);
        } catch (MalformedLineException e) {
            throw new CollapsedFormatException(source, lineNumber, e);
        }
        List<String> frames = stack.frames();
        int[] ids = new int[frames.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = acc.frameIdOfRaw(frames.get(i), i == 0);
        }
        acc.addStack(ids, ids.length, stack.count());
    }
}
