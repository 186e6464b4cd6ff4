package io.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** perf shape on real and on unusable input: exit codes and messages naming the file. */
class ShapeCommandTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(savedErr);
    }

    private int shape(String... args) {
        return new CommandLine(new ShapeCommand()).execute(args);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    static Path realLog(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path candidate : new Path[] {d.resolve("testdata/realdata/access-logs").resolve(name),
                    d.resolve("shared/realdata/access-logs").resolve(name),
                    d.resolveSibling("shared").resolve("realdata/access-logs").resolve(name)}) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("shared/realdata/access-logs/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void realDirtyLogGivesAShapeAndAReport() throws Exception {
        Path out = tmp.resolve("nasa.shape.json");
        int exit = shape(realLog("nasa-http_Aug95_head.log").toString(), "--speed", "60", "--max-gap", "10s", "--out", out.toString());
        assertThat(exit).as(err()).isZero();
        assertThat(err()).contains("1929 lines read, 1880 records parsed (49 wrapped records rejoined), 0 lines skipped",
                "nasa-http_Aug95_head.log: common", "distinct templates", "wrote " + out.toAbsolutePath());
        assertThat(Files.readString(out)).contains("\"schemaVersion\" : 1", "\"kind\" : \"perf-harness traffic shape\"");
    }

    @Test
    void unusableInputExitsTwoNamingTheFile() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.log"), "\n\n");
        assertThat(shape(empty.toString(), "--out", tmp.resolve("a.json").toString())).isEqualTo(2);
        assertThat(err()).contains(empty + ": the log is empty");

        Path unknown = Files.writeString(tmp.resolve("app.log"), "2026-08-01 10:00:00 INFO started\nGET /x 200\n");
        assertThat(shape(unknown.toString(), "--out", tmp.resolve("b.json").toString())).isEqualTo(2);
        assertThat(err()).contains(unknown + ": unknown format", "line 1: '2026-08-01 10:00:00 INFO started'");

        Path noTime = Files.writeString(tmp.resolve("notime.jsonl"), "{\"method\":\"GET\",\"path\":\"/x\",\"status\":200}\n");
        assertThat(shape(noTime.toString(), "--format", "json", "--out", tmp.resolve("c.json").toString())).isEqualTo(2);
        assertThat(err()).contains(noTime + ": no record with a parseable timestamp in 1 lines", "no timestamp field ts");

        assertThat(shape(noTime.toString(), "--format", "xml", "--out", tmp.resolve("d.json").toString())).isEqualTo(2);
        assertThat(err()).contains("format was 'xml' but it must be one of combined, common, json, auto");
        assertThat(tmp).isDirectoryNotContaining("glob:**/{a,b,c,d}.json");
    }
}
