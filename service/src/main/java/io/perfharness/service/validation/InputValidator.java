package io.perfharness.service.validation;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates free-text input with regular expressions: the search query (allowed characters, length,
 * and a block list of abusive terms that tolerates leetspeak and separators), the product names a
 * search shows (the same block list) and order e-mail addresses. With the {@code cpu-regex} fault
 * every search-query and product-name check compiles one pattern per blocked term and one for the
 * shape, afresh (some 370 compilations, about 0.5 ms of CPU and 2 MB of garbage per check, and a
 * search runs one check for the query and one per product found); the fix matches against one
 * pattern per check, compiled once. Thread-safe.
 */
public final class InputValidator {
    /** Input longer than this is rejected before any regex runs. */
    public static final int MAX_INPUT_CHARS = 256;

    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";

    /** Terms a shop search refuses (spam, abuse, prohibited goods), from {@code /validation/blocked-terms.txt}. */
    static final List<String> BLOCKED_TERMS = loadBlockedTerms();

    /**
     * A word that starts with one blocked term, one pattern per term. A term must start a word: with
     * separators tolerated inside terms, "Ceramic Racket" would otherwise read as "c rack".
     */
    static final List<String> BLOCKED_WORD_REGEXES = BLOCKED_TERMS.stream()
            .map(term -> WORD_START + lookAlike(term)).toList();
    /** A word that starts with any blocked term: all of {@link #BLOCKED_WORD_REGEXES} in one alternation. */
    private static final String BLOCKED_WORD = WORD_START + "(?:"
            + BLOCKED_TERMS.stream().map(InputValidator::lookAlike).collect(Collectors.joining("|")) + ")";

    /** What a search query looks like: 2..64 characters, letters, digits and a little punctuation. */
    static final String SEARCH_SHAPE_REGEX = "^(?=.{2,64}$)"
            + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{Zs}'&.,+\\-]*[\\p{L}\\p{N}])?$";
    /** The search query: its shape and no blocked word, in one pattern. */
    static final String SEARCH_REGEX = "^(?!.*" + BLOCKED_WORD + ")" + SEARCH_SHAPE_REGEX.substring(1);
    /** Any product name has the shape of a name; only a blocked word makes it unfit to show. */
    static final String PRODUCT_NAME_SHAPE_REGEX = "(?s).*";
    /** A product name fit to show: no blocked word, in one pattern. */
    static final String PRODUCT_NAME_REGEX = "(?s)^(?!.*" + BLOCKED_WORD + ").*$";
    static final int SEARCH_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** A practical subset of RFC 5322 addresses: dot-atoms, a dotted domain, a 2..63 letter TLD. */
    static final String EMAIL_REGEX = "^(?=.{3,254}$)(?=[^@]{1,64}@)"
            + "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}$";

    private static final Pattern SEARCH = Pattern.compile(SEARCH_REGEX, SEARCH_FLAGS);
    private static final Pattern PRODUCT_NAME = Pattern.compile(PRODUCT_NAME_REGEX, SEARCH_FLAGS);
    private static final Pattern EMAIL = Pattern.compile(EMAIL_REGEX, Pattern.UNICODE_CHARACTER_CLASS);

    private final boolean compileEveryCall;
    private final Counter compilations;
    private final Counter faultPath;

    /**
     * @param compileEveryCall true runs the planted {@code cpu-regex} fault
     * @param compilations counts the patterns compiled while serving
     * @param faultPath counts runs of the faulty path
     */
    public InputValidator(boolean compileEveryCall, Counter compilations, Counter faultPath) {
        this.compileEveryCall = compileEveryCall;
        this.compilations = compilations;
        this.faultPath = faultPath;
    }

    public boolean isValidSearchQuery(String query) {
        return query != null && query.length() <= MAX_INPUT_CHARS
                && matches(SEARCH, SEARCH_SHAPE_REGEX, query);
    }

    /**
     * Whether a product name may be shown in search results: product names come from supplier feeds,
     * so a search screens the names it found with the block list of the queries.
     */
    public boolean isAllowedProductName(String name) {
        return name != null && matches(PRODUCT_NAME, PRODUCT_NAME_SHAPE_REGEX, name);
    }

    /**
     * The e-mail pattern is always precompiled: it compiles in microseconds, so a fault here would be
     * invisible in a profile and only blur the ground truth of {@code cpu-regex}.
     */
    public boolean isValidEmail(String email) {
        return email != null && email.length() <= MAX_INPUT_CHARS && matchesPrecompiled(EMAIL, email);
    }

    private boolean matches(Pattern precompiled, String shapeRegex, String input) {
        return compileEveryCall ? matchesWithFreshPattern(shapeRegex, input) : matchesPrecompiled(precompiled, input);
    }

    /**
     * The planted fault: the block list checked one term at a time, each term's pattern compiled on
     * every call, then the shape compiled too: one compilation per blocked term (368) and one for the
     * shape when the input passes, and a search runs one check for its query and one per product name
     * it found.
     */
    boolean matchesWithFreshPattern(String shapeRegex, String input) {
        faultPath.increment();
        int compiled = 0;
        try {
            for (String blockedWord : BLOCKED_WORD_REGEXES) {
                compiled++;
                if (Pattern.compile(blockedWord, SEARCH_FLAGS).matcher(input).find()) {
                    return false;
                }
            }
            compiled++;
            return Pattern.compile(shapeRegex, SEARCH_FLAGS).matcher(input).matches();
        } finally {
            compilations.increment(compiled);
        }
    }

    /** The fix: the block list and the shape combined into one pattern per check, compiled once per process. */
    boolean matchesPrecompiled(Pattern pattern, String input) {
        return pattern.matcher(input).matches();
    }

    private static List<String> loadBlockedTerms() {
        String resource = "/validation/blocked-terms.txt";
        try (InputStream in = InputValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<String> terms = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String term = line.strip();
                if (!term.isEmpty() && !term.startsWith("#")) {
                    terms.add(term);
                }
            }
            return List.copyOf(terms);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /**
     * A blocked term as a pattern that also catches look-alike digits and symbols and separators
     * between letters ("c.a.s.1.n.0"); this expansion is what makes the patterns costly to compile.
     */
    private static String lookAlike(String term) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < term.length(); i++) {
            if (i > 0) {
                regex.append("[\\W_]*");
            }
            char c = term.charAt(i);
            regex.append(switch (c) {
                case 'a' -> "[a@4]";
                case 'e' -> "[e3]";
                case 'i' -> "[i1!|]";
                case 'o' -> "[o0]";
                case 's' -> "[s$5]";
                case 't' -> "[t7+]";
                case 'l' -> "[l1|]";
                case 'b' -> "[b8]";
                case 'g' -> "[g9]";
                default -> String.valueOf(c);
            });
        }
        return regex.toString();
    }
}
