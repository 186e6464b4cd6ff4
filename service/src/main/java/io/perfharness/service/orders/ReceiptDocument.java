package io.perfharness.service.orders;

/** The JSON form of a receipt: the formatted text plus the key numbers. */
public record ReceiptDocument(long orderId, long customerId, long totalCents, int lineCount, String text) {}
