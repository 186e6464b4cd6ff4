package io.perfharness.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertion: the expected text lives in {@code src/test/resources/<name>}. Run with
 * {@code -Dgolden.update=true} to rewrite the files on purpose (then review the diff before committing).
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String resource, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources").resolve(resource);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", resource).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
