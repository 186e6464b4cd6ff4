package io.perfharness.service.catalog;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into search terms: lower-case runs of letters and digits. The seed uses it to fill
 * the inverted index and search uses it on the query, so both sides agree. Stateless.
 */
public final class SearchTerms {
    /** Longest term stored; the column is VARCHAR(64). */
    public static final int MAX_TERM_LENGTH = 64;

    private SearchTerms() {}

    /** Distinct terms in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            } else if (current.length() > 0) {
                String term = current.toString().toLowerCase(Locale.ROOT);
                terms.add(term.length() > MAX_TERM_LENGTH ? term.substring(0, MAX_TERM_LENGTH) : term);
                current.setLength(0);
            }
        }
        return terms;
    }
}
