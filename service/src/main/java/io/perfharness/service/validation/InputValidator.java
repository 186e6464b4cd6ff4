package io.perfharness.service.validation;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates free-text input with regular expressions: the search query (allowed characters, length,
 * and a block list of abusive terms that tolerates leetspeak and separators) and order e-mail
 * addresses. With the {@code cpu-regex} fault every search validation compiles its pattern afresh
 * (some 13,000 characters: about 150 us of CPU and 0.9 MB of allocation per call); the fix matches
 * against a pattern compiled once. Thread-safe.
 */
public final class InputValidator {
    /** Input longer than this is rejected before any regex runs. */
    public static final int MAX_INPUT_CHARS = 256;

    /** Terms a shop search refuses (spam, abuse, prohibited goods), from {@code /validation/blocked-terms.txt}. */
    static final List<String> BLOCKED_TERMS = loadBlockedTerms();

    /**
     * The search query: 2..64 characters, letters, digits and a little punctuation, and no word that
     * starts with a blocked term. A term must start a word: with separators tolerated inside terms,
     * "Ceramic Racket" would otherwise read as "c rack".
     */
    static final String SEARCH_REGEX = "^(?!.*(?<![\\p{L}\\p{N}])(?:" + blockedAlternation() + "))(?=.{2,64}$)"
            + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{Zs}'&.,+\\-]*[\\p{L}\\p{N}])?$";
    static final int SEARCH_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** A practical subset of RFC 5322 addresses: dot-atoms, a dotted domain, a 2..63 letter TLD. */
    static final String EMAIL_REGEX = "^(?=.{3,254}$)(?=[^@]{1,64}@)"
            + "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}$";

    private static final Pattern SEARCH = Pattern.compile(SEARCH_REGEX, SEARCH_FLAGS);
    private static final Pattern EMAIL = Pattern.compile(EMAIL_REGEX, Pattern.UNICODE_CHARACTER_CLASS);

    private final boolean compileEveryCall;
    private final Counter compilations;
    private final Counter faultPath;

    /**
     * @param compileEveryCall true runs the planted {@code cpu-regex} fault
     * @param compilations counts patterns compiled per call
     * @param faultPath counts runs of the faulty path
     */
    public InputValidator(boolean compileEveryCall, Counter compilations, Counter faultPath) {
        this.compileEveryCall = compileEveryCall;
        this.compilations = compilations;
        this.faultPath = faultPath;
    }

    public boolean isValidSearchQuery(String query) {
        return query != null && query.length() <= MAX_INPUT_CHARS
                && matches(SEARCH, SEARCH_REGEX, SEARCH_FLAGS, query);
    }

    /**
     * The e-mail pattern is always precompiled: it compiles in microseconds, so a fault here would be
     * invisible in a profile and only blur the ground truth of {@code cpu-regex}.
     */
    public boolean isValidEmail(String email) {
        return email != null && email.length() <= MAX_INPUT_CHARS && matchesPrecompiled(EMAIL, email);
    }

    private boolean matches(Pattern precompiled, String regex, int flags, String input) {
        return compileEveryCall ? matchesWithFreshPattern(regex, flags, input) : matchesPrecompiled(precompiled, input);
    }

    /** The planted fault: the same pattern compiled again on every request. */
    boolean matchesWithFreshPattern(String regex, int flags, String input) {
        faultPath.increment();
        compilations.increment();
        return Pattern.compile(regex, flags).matcher(input).matches();
    }

    /** The fix: patterns compiled once per process, only matched per request. */
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
     * Each blocked term as a pattern that also catches look-alike digits and symbols and separators
     * between letters ("c.a.s.1.n.0"); this expansion is what makes the pattern costly to compile.
     */
    private static String blockedAlternation() {
        StringBuilder alternation = new StringBuilder();
        for (String term : BLOCKED_TERMS) {
            if (alternation.length() > 0) {
                alternation.append('|');
            }
            for (int i = 0; i < term.length(); i++) {
                if (i > 0) {
                    alternation.append("[\\W_]*");
                }
                char c = term.charAt(i);
                alternation.append(switch (c) {
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
        }
        return alternation.toString();
    }
}
