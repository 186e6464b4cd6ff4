package io.perfharness.service;

/** Reads sample values out of Prometheus text exposition, for tests. */
final class PrometheusText {
    private PrometheusText() {}

    /**
     * The value of the line whose name-and-labels part equals {@code sample} exactly, e.g.
     * {@code shop_fault_path_total{fault="leak"}}.
     *
     * @throws AssertionError listing the lines with the same metric name when there is no such line
     */
    static double value(String text, String sample) {
        String metricName = sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample;
        StringBuilder similar = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space > 0 && line.substring(0, space).equals(sample)) {
                return Double.parseDouble(line.substring(space + 1));
            }
            if (line.startsWith(metricName)) {
                similar.append("\n  ").append(line);
            }
        }
        throw new AssertionError("no sample " + sample + " in /metrics; lines of that metric:" + similar);
    }
}
