package io.perfharness.profiling.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The histogram text format, line by line and as a whole, on literal lines as JDK 17 prints them. */
class ClassHistogramParserTest {
    private static final Instant T = Instant.parse("2026-11-26T03:15:00Z");
    private static final String HEADER = " num     #instances         #bytes  class name (module)";
    private static final String SEPARATOR = "-------------------------------------------------------";

    @Test
    void parsesEntryLinesWithAndWithoutModule() {
        assertThat(ClassHistogramParser.parseLine("   1:         20543        1784328  [B (java.base@17.0.15)"))
                .isEqualTo(new ClassHistogramParser.Entry(1, new ClassHistogramEntry("[B", 20543, 1784328)));
        assertThat(ClassHistogramParser.parseLine("  12:          1000          16000  com.example.Leaked"))
                .isEqualTo(new ClassHistogramParser.Entry(12, new ClassHistogramEntry("com.example.Leaked", 1000,
                        16000)));
        assertThat(ClassHistogramParser.parseLine(
                " 300:             1             40  java.lang.invoke.LambdaForm$MH/0x0000000800c0c400 (java.base@17.0.15)"))
                .isEqualTo(new ClassHistogramParser.Entry(300, new ClassHistogramEntry(
                        "java.lang.invoke.LambdaForm$MH/0x0000000800c0c400", 1, 40)));
        assertThat(ClassHistogramParser.parseLine("   7:            10            480  [Ljava.lang.Object; (java.base@17.0.15)"))
                .isEqualTo(new ClassHistogramParser.Entry(7, new ClassHistogramEntry("[Ljava.lang.Object;", 10, 480)));
    }

    @Test
    void parsesTotalAndPreambleLines() {
        assertThat(ClassHistogramParser.parseLine("Total         21543        1800328"))
                .isEqualTo(new ClassHistogramParser.Total(21543, 1800328));
        assertThat(ClassHistogramParser.parseLine(HEADER)).isEqualTo(new ClassHistogramParser.Preamble(true));
        assertThat(ClassHistogramParser.parseLine(SEPARATOR)).isEqualTo(new ClassHistogramParser.Preamble(false));
        assertThat(ClassHistogramParser.parseLine("4711:")).isEqualTo(new ClassHistogramParser.Preamble(false));
        assertThat(ClassHistogramParser.parseLine("")).isEqualTo(new ClassHistogramParser.Preamble(false));
    }

    @Test
    void refusesAnyOtherLineWithItsText() {
        assertThatThrownBy(() -> ClassHistogramParser.parseLine("   1:   twelve   16000  com.example.Leaked"))
                .isInstanceOf(MalformedHistogramLineException.class)
                .hasMessageContaining("in '   1:   twelve   16000  com.example.Leaked'");
        assertThatThrownBy(() -> ClassHistogramParser.parseLine("   0:   1   16  com.example.Leaked"))
                .hasMessageContaining("rank must be 1..");
        assertThatThrownBy(() -> ClassHistogramParser.parseLine("com.sun.tools.attach.AttachNotSupportedException"))
                .isInstanceOf(MalformedHistogramLineException.class);
        assertThatThrownBy(() -> ClassHistogramParser.parseLine("   1:   1   99999999999999999999  x"))
                .hasMessageContaining("number out of range");
    }

    @Test
    void parsesAWholeTextAndChecksTheTotal() throws ClassHistogramFormatException {
        String text = "4711:\n" + HEADER + "\n" + SEPARATOR + "\n"
                + "   1:           100           4000  [B (java.base@17.0.15)\n"
                + "   2:            50            800  com.example.Leaked\n"
                + "Total           150           4800\n";
        ClassHistogram histogram = ClassHistogramParser.parse("histo.txt", text, T);
        assertThat(histogram).isEqualTo(new ClassHistogram(T, java.util.List.of(
                new ClassHistogramEntry("[B", 100, 4000), new ClassHistogramEntry("com.example.Leaked", 50, 800)),
                150, 4800));
        assertThat(histogram.entry("com.example.Leaked")).contains(new ClassHistogramEntry("com.example.Leaked", 50,
                800));
        assertThat(histogram.entry("com.example.Gone")).isEmpty();
    }

    @Test
    void errorsNameSourceLineAndText() {
        String start = HEADER + "\n" + SEPARATOR + "\n" + "   1:           100           4000  [B\n";
        assertThatThrownBy(() -> ClassHistogramParser.parse("h.txt", start + "   3:  1  16  X\nTotal 101 4016\n", T))
                .isInstanceOfSatisfying(ClassHistogramFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("h.txt");
                    assertThat(e.lineNumber()).isEqualTo(4);
                    assertThat(e.lineText()).isEqualTo("   3:  1  16  X");
                })
                .hasMessage("h.txt:4: rank must be 2 but was 3");
        assertThatThrownBy(() -> ClassHistogramParser.parse("h.txt", start + "Total 101 4000\n", T))
                .hasMessage("h.txt:4: Total must equal the sum of the class lines (100 instances, 4000 bytes)");
        assertThatThrownBy(() -> ClassHistogramParser.parse("h.txt", start, T))
                .hasMessage("h.txt:4: no 'Total' line: the histogram is incomplete (1 class lines read)");
        assertThatThrownBy(() -> ClassHistogramParser.parse("h.txt", start + "Total 100 4000\n   2:  1  16  X\n", T))
                .hasMessage("h.txt:5: text after the Total line");
        assertThatThrownBy(() -> ClassHistogramParser.parse("h.txt", "   1:  1  16  X\nTotal 1 16\n", T))
                .hasMessageStartingWith("h.txt:1: class line before the");
        assertThatThrownBy(() -> ClassHistogramParser.parse("h.txt", start + "oops\n", T))
                .isInstanceOfSatisfying(ClassHistogramFormatException.class,
                        e -> assertThat(e.lineNumber()).isEqualTo(4))
                .hasMessageStartingWith("h.txt:4: expected");
    }
}
