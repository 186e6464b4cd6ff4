package io.perfharness.service.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fault catalogue in code, in docs/faults.md and in the classes it names must agree. */
class FaultCatalogTest {
    /** One row of the table in docs/faults.md, cells with backticks removed. */
    private record DocRow(String fault, List<String> endpoints, String culpritMethod, String culpritClass,
            String event, String fix) {}

    private static final String NO_CLASS = "—";
    private static final String CATALOGUE_HEADING = "## The catalogue";

    @Test
    void docsTableMatchesTheEnumRowForRow() throws IOException {
        Map<String, DocRow> rows = readDocRows();
        assertThat(rows.keySet()).containsExactly(
                Arrays.stream(Fault.values()).map(Fault::cliName).toArray(String[]::new));
        for (Fault fault : Fault.values()) {
            DocRow row = rows.get(fault.cliName());
            assertThat(row.endpoints()).as(fault.cliName()).isEqualTo(fault.endpoints());
            assertThat(row.culpritMethod()).as(fault.cliName()).isEqualTo(fault.culpritMethod());
            assertThat(row.culpritClass()).as(fault.cliName()).isEqualTo(fault.culpritClass().orElse(NO_CLASS));
            assertThat(row.event()).as(fault.cliName()).isEqualTo(fault.event().cliName());
            assertThat(row.fix()).as(fault.cliName()).isEqualTo(fault.fix());
        }
    }

    @Test
    void culpritMethodsAreRealNamedMethods() throws ClassNotFoundException {
        for (Fault fault : Fault.values()) {
            String culprit = fault.culpritMethod();
            int dot = culprit.lastIndexOf('.');
            Class<?> owner = Class.forName(culprit.substring(0, dot));
            String methodName = culprit.substring(dot + 1);
            assertThat(methodName).doesNotContain("lambda$").doesNotContain("$");
            assertThat(Arrays.stream(owner.getDeclaredMethods()).map(Method::getName)).as(culprit)
                    .contains(methodName);
        }
    }

    @Test
    void culpritClassesExist() throws ClassNotFoundException {
        for (Fault fault : Fault.values()) {
            if (fault.culpritClass().isPresent() && !fault.culpritClass().get().endsWith("[]")) {
                assertThat(Class.forName(fault.culpritClass().get())).isNotNull();
            }
        }
    }

    @Test
    void namesAreUniqueAndFoundCaseInsensitively() {
        assertThat(Arrays.stream(Fault.values()).map(Fault::cliName).distinct()).hasSize(Fault.values().length);
        assertThat(Fault.fromCliName(" Lock-Contention ")).isEqualTo(Fault.LOCK_CONTENTION);
        assertThatThrownBy(() -> Fault.fromCliName("gc-storm"))
                .hasMessage("unknown fault 'gc-storm'; known faults: cpu-regex, alloc-churn, lock-contention, "
                        + "n-plus-one, blocking-io, leak, thread-leak, connection-leak");
    }

    private static Map<String, DocRow> readDocRows() throws IOException {
        Path docs = Path.of(System.getProperty("basedir", ".")).resolve("../docs/faults.md").normalize();
        Map<String, DocRow> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(docs, StandardCharsets.UTF_8);
        int section = lines.indexOf(CATALOGUE_HEADING);
        assertThat(section).as(docs + " must have a heading '" + CATALOGUE_HEADING + "'").isNotNegative();
        for (int i = section + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
            assertThat(cells).as(docs + ":" + (i + 1) + " must have 6 cells: " + line).hasSize(6);
            List<String> endpoints = new ArrayList<>();
            for (String endpoint : cells[1].split("<br>")) {
                endpoints.add(unquote(endpoint));
            }
            rows.put(unquote(cells[0]), new DocRow(unquote(cells[0]), endpoints, unquote(cells[2]),
                    unquote(cells[3]), unquote(cells[4]), cells[5].strip()));
        }
        return rows;
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }
}
