package io.perfharness.service.logging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one JSON object per line to a stream (stdout in production). Each line is serialized by
 * one Jackson call into a private buffer and handed to the stream in a single {@code write}, so
 * concurrent lines never interleave. On stdout it writes to the file descriptor directly: no
 * {@code PrintStream} monitor, so request logging cannot show up in a lock profile and compete with
 * the planted lock-contention fault. Thread-safe.
 */
public final class JsonLineWriter {
    private final OutputStream out;
    private final ObjectWriter writer;
    private final Clock clock;

    public JsonLineWriter(OutputStream out, ObjectMapper mapper, Clock clock) {
        this.out = out;
        this.writer = mapper.writer();
        this.clock = clock;
    }

    /** A writer on the process's standard output file descriptor. */
    public static JsonLineWriter stdout(ObjectMapper mapper, Clock clock) {
        return new JsonLineWriter(new FileOutputStream(FileDescriptor.out), mapper, clock);
    }

    /** Writes {@code value} (a record or map) as one line. */
    public void write(Object value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try {
            writer.writeValue(line, value);
            line.write('\n');
            out.write(line.toByteArray());
            out.flush();
        } catch (IOException e) {
            // stdout gone (the parent closed the pipe): nothing left to tell, keep serving
        }
    }

    /**
     * Writes a lifecycle event line: {@code {"ts":...,"level":...,"event":...,<fields>}}.
     *
     * @param fields extra keys in the order given
     */
    public void event(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", clock.instant().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(fields);
        write(line);
    }

    /** The wall clock used for {@code ts} fields. */
    public Clock clock() {
        return clock;
    }
}
