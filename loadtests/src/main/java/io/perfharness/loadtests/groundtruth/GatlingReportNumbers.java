package io.perfharness.loadtests.groundtruth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "All Requests" row of Gatling's own HTML report ({@code gatling/index.html}): its
 * p50, p75, p95, p99 and max in milliseconds, to print beside ours. Gatling computes these from
 * millisecond timestamps with an approximate digest, which is why we do not use them.
 */
public record GatlingReportNumbers(double p50Millis, double p75Millis, double p95Millis, double p99Millis, double maxMillis) {
  private static final Pattern ROW = Pattern.compile("stats-table-ROOT.*?</tr>", Pattern.DOTALL);

  public static GatlingReportNumbers read(Path indexHtml) throws IOException {
    String html = Files.readString(indexHtml);
    Matcher row = ROW.matcher(html);
    if (!row.find()) {
      throw new IOException(indexHtml + ": no 'All Requests' row (stats-table-ROOT) found");
    }
    String cells = row.group();
    return new GatlingReportNumbers(col(cells, 8, indexHtml), col(cells, 9, indexHtml), col(cells, 10, indexHtml),
        col(cells, 11, indexHtml), col(cells, 12, indexHtml));
  }

  private static double col(String row, int column, Path file) throws IOException {
    Matcher m = Pattern.compile("col-" + column + "\">([^<]*)<").matcher(row);
    if (!m.find()) {
      throw new IOException(file + ": column col-" + column + " missing in the All Requests row");
    }
    OptionalDouble value = parse(m.group(1).trim());
    if (value.isEmpty()) {
      throw new IOException(file + ": column col-" + column + " was '" + m.group(1) + "', not a number");
    }
    return value.getAsDouble();
  }

  private static OptionalDouble parse(String text) {
    try {
      return OptionalDouble.of(Double.parseDouble(text.replace(",", "")));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
