package io.perfharness.benchmarks.service;

import io.perfharness.service.orders.OrderItemView;
import io.perfharness.service.orders.ReceiptData;
import io.perfharness.service.orders.ReceiptFormatter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code alloc-churn} path of {@code GET /api/orders/{orderId}/receipt}: {@link ReceiptFormatter}
 * by String concatenation (the fault) and with one sized StringBuilder (the fix). The fault's event is
 * alloc: run with {@code --events cpu,alloc} (or JMH's {@code -prof gc}) to see bytes per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReceiptFormattingBenchmark {
    @Param({"faulty", "fixed"})
    public String fault;

    /** Items on the receipt; seeded orders have 1..8. */
    @Param({"4"})
    public int items;

    private ReceiptFormatter formatter;
    private ReceiptData receipt;

    @Setup
    public void setUp() {
        formatter = new ReceiptFormatter(FaultSide.of(fault).isFaulty(), FaultSide.counter("faultPath"));
        List<OrderItemView> lines = new ArrayList<>();
        long totalCents = 0;
        for (int i = 1; i <= items; i++) {
            long unitPriceCents = 199L * i + 50;
            lines.add(new OrderItemView(i, 100L + i, "Sturdy Steel Hammer No. " + i, i, unitPriceCents));
            totalCents += unitPriceCents * i;
        }
        receipt = new ReceiptData(4711, 17, "Ada Lovelace", "ada@shop.example", "2026-11-26T07:15:00Z", "PAID",
                totalCents, lines);
    }

    @Benchmark
    public String format() {
        return formatter.format(receipt);
    }
}
