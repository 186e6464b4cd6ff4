package io.perfharness.service.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptFormatterTest {
    private static final ReceiptData RECEIPT = new ReceiptData(20_001, 17, "Ada Becker", "ada@shop.example",
            "2026-11-26T03:15:42Z", "PLACED", 2 * 1_299 + 60 * 407,
            List.of(new OrderItemView(1, 5, "Compact Steel Hammer", 2, 1_299),
                    new OrderItemView(2, 9, "A Product Name Far Longer Than The Column Allows", 60, 407)));

    private final Counter faultPath = new SimpleMeterRegistry().counter("fault");

    @Test
    void concatenationAndBuilderProduceTheSameText() {
        String byConcatenation = new ReceiptFormatter(true, faultPath).format(RECEIPT);
        String withBuilder = new ReceiptFormatter(false, faultPath).format(RECEIPT);
        assertThat(byConcatenation).isEqualTo(withBuilder);
        assertThat(faultPath.count()).isEqualTo(1);
    }

    @Test
    void formatsAFixedWidthReceiptWithTerms() {
        String text = new ReceiptFormatter(false, faultPath).format(RECEIPT);
        assertThat(text).contains(
                "Order:     20001\n",
                "Date:      2026-11-26 03:15 UTC\n",
                "Customer:  Ada Becker (#17)\n",
                "  2  Compact Steel Hammer                    12.99         25.98\n",
                " 60  A Product Name Far Longer Than           4.07        244.20\n",
                "Total (EUR):                                              270.18\n",
                "  incl. VAT 19%:                                           43.14\n",
                "TERMS AND CONDITIONS\n",
                "1. Scope. These terms apply");
        for (String line : text.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(ReceiptFormatter.WIDTH);
        }
        assertThat(ReceiptFormatter.lineCount(text)).isEqualTo(text.split("\n").length);
        assertThat(ReceiptFormatter.TERMS_LINES.size()).isGreaterThan(60);
        assertThat(faultPath.count()).isZero();
    }

    @Test
    void formatsMoneyWithTwoDecimals() {
        assertThat(ReceiptFormatter.money(0)).isEqualTo("0.00");
        assertThat(ReceiptFormatter.money(7)).isEqualTo("0.07");
        assertThat(ReceiptFormatter.money(1_230)).isEqualTo("12.30");
        assertThat(ReceiptFormatter.money(123_456)).isEqualTo("1234.56");
    }
}
