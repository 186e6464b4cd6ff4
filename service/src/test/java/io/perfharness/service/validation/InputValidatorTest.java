package io.perfharness.service.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Counter compilations = registry.counter("compilations");
    private final Counter faultPath = registry.counter("fault");
    private final InputValidator precompiled = new InputValidator(false, compilations, faultPath);
    private final InputValidator compiling = new InputValidator(true, compilations, faultPath);

    private static final List<String> VALID = List.of("oak", "steel hammer", "Ceramic Racket", "Bamboo",
            "rock'n'roll vinyl",
            "R&B", "size 42", "Café crème", "go-kart", "A4 notebook", "12");
    private static final List<String> INVALID = List.of("", "x", "-oak", "oak-", "<script>", "a".repeat(65),
            "casino", "online CASINO chips", "c4s1n0", "v.i.a.g.r.a", "c_a_s_i_n_o", "cheap rep1ica watch",
            "gl\u00fccksspiel", "SPAM", "tab;le", "buy gl\u00dcCKSSPIEL", "x-c.r.a.c.k");

    @Test
    void acceptsOrdinaryQueries() {
        for (String query : VALID) {
            assertThat(precompiled.isValidSearchQuery(query)).as(query).isTrue();
        }
    }

    @Test
    void rejectsBadShapesAndBlockedTermsInDisguise() {
        for (String query : INVALID) {
            assertThat(precompiled.isValidSearchQuery(query)).as(query).isFalse();
        }
        assertThat(precompiled.isValidSearchQuery(null)).isFalse();
        assertThat(precompiled.isValidSearchQuery("oak ".repeat(100))).isFalse();
    }

    @Test
    void rejectsEveryBlockedTerm() {
        assertThat(InputValidator.BLOCKED_TERMS).hasSizeGreaterThan(150);
        for (String term : InputValidator.BLOCKED_TERMS) {
            assertThat(precompiled.isValidSearchQuery("buy " + term + " now")).as(term).isFalse();
        }
    }

    @Test
    void bothPathsAgreeAndOnlyTheFaultCompilesPerCall() {
        for (String query : VALID) {
            assertThat(compiling.isValidSearchQuery(query)).isEqualTo(precompiled.isValidSearchQuery(query));
        }
        assertThat(compilations.count()).isEqualTo(VALID.size());
        assertThat(faultPath.count()).isEqualTo(VALID.size());
        for (String query : INVALID.subList(1, INVALID.size())) {
            assertThat(compiling.isValidSearchQuery(query)).as(query).isFalse();
        }
        assertThat(compilations.count()).isEqualTo(VALID.size() + INVALID.size() - 1);
    }

    @Test
    void emailsArePrecompiledEvenWithTheFault() {
        assertThat(compiling.isValidEmail("customer17@shop.example")).isTrue();
        assertThat(compiling.isValidEmail("first.last+tag@mail.example.org")).isTrue();
        assertThat(compiling.isValidEmail("no-at-sign.example")).isFalse();
        assertThat(compiling.isValidEmail("a@b")).isFalse();
        assertThat(compiling.isValidEmail("a@@b.example")).isFalse();
        assertThat(compilations.count()).isZero();
    }
}
