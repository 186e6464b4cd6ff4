package io.perfharness.profiling.collapsed;

/** Shortens offending text for messages: stack lines can be tens of kilobytes long. */
final class Excerpt {
    static final int MAX_CHARS = 240;

    private Excerpt() {
    }

    static String of(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int half = MAX_CHARS / 2;
        return text.substring(0, half) + " ...(" + (text.length() - MAX_CHARS) + " chars)... "
                + text.substring(text.length() - half);
    }
}
