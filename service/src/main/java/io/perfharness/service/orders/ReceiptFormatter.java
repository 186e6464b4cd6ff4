package io.perfharness.service.orders;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats an order as a fixed-width text receipt: header, one line per item, totals, then the terms
 * and conditions (about 70 lines). With the {@code alloc-churn} fault the text is built by repeated
 * String concatenation and the terms are word-wrapped as they are appended, so every line of the body
 * and every word of the terms copies the whole receipt so far: about 9 MB of garbage for a 5 KB
 * receipt, the terms quoting prices in euros so that those copies are UTF-16. The fix appends the
 * terms, wrapped once at start-up, to one StringBuilder sized once. Both produce identical text.
 * Thread-safe.
 */
public final class ReceiptFormatter {
    public static final int WIDTH = 64;

    private static final String RULE = "-".repeat(WIDTH);
    private static final String DOUBLE_RULE = "=".repeat(WIDTH);
    private static final int VAT_PCT = 19;
    private static final String TERMS_TEXT = loadTerms();
    static final List<String> TERMS_LINES = wrapTerms(TERMS_TEXT, WIDTH);
    /** The words of each paragraph of the terms, for the faulty path that wraps them per receipt. */
    private static final List<List<String>> TERMS_PARAGRAPH_WORDS = paragraphWords(TERMS_TEXT);
    /** The terms as one block, built once for the fixed path. */
    private static final String TERMS_BLOCK = String.join("\n", TERMS_LINES) + "\n";

    private final boolean concatenate;
    private final Counter faultPath;

    /**
     * @param concatenate true runs the planted {@code alloc-churn} fault
     * @param faultPath counts runs of the faulty path
     */
    public ReceiptFormatter(boolean concatenate, Counter faultPath) {
        this.concatenate = concatenate;
        this.faultPath = faultPath;
    }

    public String format(ReceiptData receipt) {
        List<String> body = bodyLines(receipt);
        return concatenate ? formatByConcatenation(body) : formatWithBuilder(body);
    }

    /**
     * The planted fault: the receipt is a String, the terms are wrapped at {@link #WIDTH} columns while
     * they are appended, and every append (a body line, a word, a space, a line break) copies the whole
     * receipt so far into a new String.
     */
    String formatByConcatenation(List<String> body) {
        faultPath.increment();
        String receipt = "";
        for (String line : body) {
            receipt = receipt + line + "\n";
        }
        for (List<String> paragraph : TERMS_PARAGRAPH_WORDS) {
            int column = 0;
            for (String word : paragraph) {
                if (column > 0 && column + 1 + word.length() > WIDTH) {
                    receipt = receipt + "\n";
                    column = 0;
                }
                if (column > 0) {
                    receipt = receipt + " ";
                    column++;
                }
                receipt = receipt + word;
                column += word.length();
            }
            receipt = receipt + "\n" + "\n";
        }
        receipt = receipt + DOUBLE_RULE + "\n" + "Thank you for shopping with us." + "\n";
        return receipt;
    }

    /** The fix: one buffer of the final size, written once. */
    String formatWithBuilder(List<String> body) {
        StringBuilder receipt = new StringBuilder((body.size() + 2) * (WIDTH + 1) + TERMS_BLOCK.length());
        for (String line : body) {
            receipt.append(line).append('\n');
        }
        receipt.append(TERMS_BLOCK);
        receipt.append(DOUBLE_RULE).append('\n').append("Thank you for shopping with us.").append('\n');
        return receipt.toString();
    }

    /** Number of text lines of the receipt, including terms and footer. */
    public static int lineCount(String receiptText) {
        int lines = 0;
        for (int i = 0; i < receiptText.length(); i++) {
            if (receiptText.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static List<String> bodyLines(ReceiptData receipt) {
        List<String> lines = new ArrayList<>(24 + receipt.items().size());
        lines.add(DOUBLE_RULE);
        lines.add(center("SHOP.EXAMPLE  RECEIPT"));
        lines.add(DOUBLE_RULE);
        lines.add("Order:     " + receipt.orderId());
        lines.add("Date:      " + receipt.createdAt().substring(0, 16).replace('T', ' ') + " UTC");
        lines.add("Status:    " + receipt.status());
        lines.add("Customer:  " + receipt.customerName() + " (#" + receipt.customerId() + ")");
        lines.add("E-mail:    " + receipt.email());
        lines.add(RULE);
        lines.add(padRight("Qty  Item", 38) + padLeft("Unit price", 12) + padLeft("Amount", 14));
        lines.add(RULE);
        int units = 0;
        for (OrderItemView item : receipt.items()) {
            units += item.quantity();
            String name = item.productName().length() > 31 ? item.productName().substring(0, 31) : item.productName();
            lines.add(padLeft(Integer.toString(item.quantity()), 3) + "  " + padRight(name, 33)
                    + padLeft(money(item.unitPriceCents()), 12)
                    + padLeft(money(item.unitPriceCents() * item.quantity()), 14));
        }
        lines.add(RULE);
        lines.add(padRight("Units:", 50) + padLeft(Integer.toString(units), 14));
        lines.add(padRight("Total (EUR):", 50) + padLeft(money(receipt.totalCents()), 14));
        long vatCents = (receipt.totalCents() * VAT_PCT + (100 + VAT_PCT) / 2) / (100 + VAT_PCT);
        lines.add(padRight("  incl. VAT " + VAT_PCT + "%:", 50) + padLeft(money(vatCents), 14));
        lines.add(DOUBLE_RULE);
        lines.add("TERMS AND CONDITIONS");
        lines.add("");
        return lines;
    }

    static String money(long cents) {
        long fraction = cents % 100;
        return (cents / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    private static String padRight(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String center(String text) {
        return padRight(" ".repeat((WIDTH - text.length()) / 2) + text, WIDTH);
    }

    private static String loadTerms() {
        try (InputStream in = ReceiptFormatter.class.getResourceAsStream("/receipt/terms.txt")) {
            if (in == null) {
                throw new IllegalStateException("/receipt/terms.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("/receipt/terms.txt", e);
        }
    }

    /** Each paragraph (one per input line) wrapped at word boundaries, paragraphs separated by a blank line. */
    static List<String> wrapTerms(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (List<String> paragraph : paragraphWords(text)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
            lines.add("");
        }
        return List.copyOf(lines);
    }

    /** The words of each paragraph (one per input line). */
    private static List<List<String>> paragraphWords(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : text.strip().split("\n")) {
            paragraphs.add(List.of(paragraph.strip().split(" +")));
        }
        return List.copyOf(paragraphs);
    }
}
