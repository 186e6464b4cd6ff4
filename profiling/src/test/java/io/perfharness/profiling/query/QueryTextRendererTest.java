package io.perfharness.profiling.query;

import io.perfharness.profiling.Golden;
import io.perfharness.profiling.RealData;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.normalize.FrameNormalizer;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTextRendererTest {

    private static CollapsedProfile sample1() throws Exception {
        return FrameNormalizer.standard().normalize(CollapsedReader.strict()
                .read(RealData.stacks().resolve("async-profiler_jfrconverter_sample1.collapsed")).profile());
    }

    @Test
    void rendersTopFramesBySelfWithCostPerRequest() throws Exception {
        FrameCostTable table = FrameCostTable.of(sample1());
        RequestCost cost = RequestCost.ofSamples(ProfilingEvent.CPU, 10_000_000L, 1_000);

        Golden.assertMatches("top-self-sample1.txt", QueryTextRenderer.renderTop(ProfilingEvent.CPU,
                table.top(5, CostOrder.SELF), cost));
        Golden.assertMatches("top-total-sample1.txt", QueryTextRenderer.renderTop(ProfilingEvent.CPU,
                table.top(5, CostOrder.TOTAL)));
    }

    @Test
    void rendersStacksThroughAFrameAsFoldedLinesWithThePrefixElided() throws Exception {
        StackMatches matches = StackQuery.through(sample1(), Pattern.compile("NioSocketImpl\\.read$"), 4);

        String text = QueryTextRenderer.renderStacks(ProfilingEvent.CPU, matches,
                RequestCost.ofSamples(ProfilingEvent.CPU, 10_000_000L, 1_000));

        Golden.assertMatches("stacks-sample1.txt", text);
        assertThat(text).contains("\n" + "77.30%").contains("...;NioSocketImpl.read;");
    }

    @Test
    void rendersAnEmptyMatch() throws Exception {
        assertThat(QueryTextRenderer.renderStacks(ProfilingEvent.ALLOC,
                StackQuery.through(sample1(), Pattern.compile("nothing"), 4)))
                .isEqualTo("alloc: stacks through /nothing/: 0 of 185 bytes (0.00%) in 0 stacks, showing 0\n");
    }

    @Test
    void formatsNumbersWithFourSignificantDigitsAndRootLocale() {
        assertThat(QueryTextRenderer.number(0)).isEqualTo("0");
        assertThat(QueryTextRenderer.number(1.43)).isEqualTo("1.43");
        assertThat(QueryTextRenderer.number(0.000123456)).isEqualTo("0.0001235");
        assertThat(QueryTextRenderer.number(999.96)).isEqualTo("1000");
        assertThat(QueryTextRenderer.number(52428.8)).isEqualTo("52429");
        assertThat(QueryTextRenderer.percent(0.77297)).isEqualTo("77.30%");
    }

    @Test
    void refusesACostOfAnotherEvent() {
        assertThatThrownBy(() -> QueryTextRenderer.renderTop(ProfilingEvent.CPU,
                FrameCostTable.of(CollapsedProfile.empty()).top(1, CostOrder.SELF),
                RequestCost.ofTotals(ProfilingEvent.ALLOC, 1)))
                .hasMessage("cost must be for event cpu but was for alloc");
    }
}
