package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets seeded into access logs never reach the shape file or the printed report. */
class PrivacyTest {
    @TempDir
    Path dir;

    static final List<String> SECRETS = List.of(
            "q8Zr2LmP0xV7nK4tY9wB", // token= query value
            "Kx93hfPq02LmvZ7aYt", // api_key=
            "hunter2hunter2", // password=
            "sEsS10nV4lue", // session=
            "AuThV4lue77", // auth=
            "S1gn4tur3Val", // X-Amz-Signature=
            "alice.secret@example.com", // e-mail in a path
            "bob.hidden@example.org", // e-mail in a query
            "Zm9vOmJhcg==", // Authorization: Basic
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", // Authorization: Bearer (JWT)
            "JSESSIONID=C00K1Ev4lue", // Cookie
            "C00K1Ev4lue",
            "9f8e7d6c5b4a39281706f5e4d3c2b1a0", // reset hash in a path
            "aZ3kQ9xP0rT7vW2mB8nL", // random token in a path
            "203.0.113.77"); // client address

    @Test
    void noSecretReachesTheShapeOrTheReport() throws Exception {
        String combined = String.join("\n",
                "203.0.113.77 - - [01/Aug/2026:10:00:00 +0000] \"GET /api/orders/17?token=q8Zr2LmP0xV7nK4tY9wB&api_key=Kx93hfPq02LmvZ7aYt HTTP/1.1\" 200 512 \"-\" \"curl/8\"",
                "203.0.113.77 - - [01/Aug/2026:10:00:00 +0000] \"POST /login?password=hunter2hunter2&session=sEsS10nV4lue&auth=AuThV4lue77 HTTP/1.1\" 302 0 \"-\" \"curl/8\"",
                "203.0.113.77 - - [01/Aug/2026:10:00:01 +0000] \"GET /files/x.pdf?X-Amz-Signature=S1gn4tur3Val HTTP/1.1\" 200 9 \"-\" \"curl/8\" \"Authorization: Basic Zm9vOmJhcg==\" \"Cookie: JSESSIONID=C00K1Ev4lue\"",
                "203.0.113.77 - - [01/Aug/2026:10:00:01 +0000] \"GET /users/alice.secret@example.com/orders?email=bob.hidden@example.org HTTP/1.1\" 200 77 \"-\" \"curl/8\"",
                "203.0.113.77 - - [01/Aug/2026:10:00:02 +0000] \"GET /reset/9f8e7d6c5b4a39281706f5e4d3c2b1a0 HTTP/1.1\" 200 1 \"-\" \"curl/8\"",
                "203.0.113.77 - - [01/Aug/2026:10:00:02 +0000] \"GET /confirm/aZ3kQ9xP0rT7vW2mB8nL HTTP/1.1\" 200 1 \"-\" \"curl/8\"",
                // malformed lines full of secrets: they end up as skip examples in the report
                "203.0.113.77 - - [01/Aug/2026:10:00:03 +0000] \"GET /api?token=q8Zr2LmP0xV7nK4tY9wB&password=hunter2hunter2 HTTP/1.1",
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln Cookie: JSESSIONID=C00K1Ev4lue mail alice.secret@example.com",
                "203.0.113.77 - - [01/Aug/2026:10:00:04 +0000] \"GET /x?session=sEsS10nV4lue&auth=AuThV4lue77 HTTP/1.1\" 999 1");
        Path log = dir.resolve("access.log.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
            out.write((combined + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        Path json = dir.resolve("app.jsonl");
        Files.writeString(json, String.join("\n",
                "{\"ts\":\"2026-08-01T10:00:05Z\",\"method\":\"GET\",\"path\":\"/api/me?token=q8Zr2LmP0xV7nK4tY9wB\",\"status\":200,"
                        + "\"authorization\":\"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\",\"client\":\"203.0.113.77\"}",
                "{\"ts\":\"2026-08-01T10:00:06Z\",\"method\":\"GET\",\"path\":\"/users/alice.secret@example.com\",\"status\":200}",
                "{\"ts\":\"2026-08-01T10:00:06Z\",\"level\":\"INFO\",\"password\":\"hunter2hunter2\",\"cookie\":\"JSESSIONID=C00K1Ev4lue\"}") + "\n");

        AccessLogReader reader = new AccessLogReader(AccessLogReader.Options.defaults());
        ShapeFile shape = AccessLogToShape.convert(List.of(log, json), reader, AccessLogToShape.Options.defaults(),
                new PathTemplater(), new SecretScrubber(false));
        Path shapeFile = dir.resolve("out/shape.json");
        ShapeFileWriter.write(shape, shapeFile);
        String report = AccessLogToShape.describe(shape);

        assertThat(shape.report().recordsParsed()).isEqualTo(8);
        assertThat(shape.report().linesSkipped()).isEqualTo(4);
        String written = Files.readString(shapeFile);
        for (String secret : SECRETS) {
            assertThat(written).as("shape file").doesNotContain(secret);
            assertThat(report).as("report").doesNotContain(secret);
        }
        assertThat(written).contains("GET /users/{email}/orders", "GET /reset/{hash}", "GET /confirm/{token}", "{redacted}");
    }
}
