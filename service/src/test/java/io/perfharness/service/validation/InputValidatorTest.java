package io.perfharness.service.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.perfharness.service.db.SeedDataWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
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
    private static final List<String> ALLOWED_NAMES = List.of("Sturdy Steel Hammer", "Ceramic Racket",
            "Compact Brass Watch", "Caf\u00e9 Cr\u00e8me Cups, Set of 4", "Rock'n'Roll Vinyl", "A4 Notebook\nRuled");
    private static final List<String> BLOCKED_NAMES = List.of("Replica Steel Watch", "Vintage C.a.s.1.n.0 Chips",
            "Deluxe Oak Pistol Case", "Sturdy Steel\nCounterfeit Hammer", "Premium Tr0jan Horse Kit",
            "Kokain Test", "Skjutvapen Lock");

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
        int patternsPerPassingCheck = InputValidator.BLOCKED_WORD_REGEXES.size() + 1;
        for (String query : VALID) {
            assertThat(compiling.isValidSearchQuery(query)).isEqualTo(precompiled.isValidSearchQuery(query));
        }
        assertThat(compilations.count()).isEqualTo(VALID.size() * patternsPerPassingCheck);
        assertThat(faultPath.count()).isEqualTo(VALID.size());
        for (String query : INVALID.subList(1, INVALID.size())) {
            double before = compilations.count();
            assertThat(compiling.isValidSearchQuery(query)).as(query).isFalse();
            assertThat(compilations.count() - before).as(query).isBetween(1.0, (double) patternsPerPassingCheck);
        }
        assertThat(faultPath.count()).isEqualTo(VALID.size() + INVALID.size() - 1);
        for (String name : ALLOWED_NAMES) {
            assertThat(compiling.isAllowedProductName(name)).as(name).isTrue();
        }
        for (String name : BLOCKED_NAMES) {
            assertThat(compiling.isAllowedProductName(name)).as(name).isFalse();
        }
        assertThat(faultPath.count()).isEqualTo(VALID.size() + INVALID.size() - 1 + ALLOWED_NAMES.size()
                + BLOCKED_NAMES.size());
    }

    @Test
    void screensProductNamesWithTheBlockList() {
        for (String name : ALLOWED_NAMES) {
            assertThat(precompiled.isAllowedProductName(name)).as(name).isTrue();
        }
        for (String name : BLOCKED_NAMES) {
            assertThat(precompiled.isAllowedProductName(name)).as(name).isFalse();
        }
        assertThat(precompiled.isAllowedProductName(null)).isFalse();
        assertThat(compilations.count()).isZero();
        assertThat(faultPath.count()).isZero();
    }

    @Test
    void noSeededProductNameIsBlocked() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:names-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        SeedDataWriter.write(h2);
        List<String> blocked = new ArrayList<>();
        int names = 0;
        try (Connection connection = h2.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM products")) {
            while (rows.next()) {
                names++;
                if (!precompiled.isAllowedProductName(rows.getString(1))) {
                    blocked.add(rows.getString(1));
                }
            }
            connection.createStatement().execute("SHUTDOWN");
        }
        assertThat(names).isEqualTo(SeedDataWriter.PRODUCTS);
        assertThat(blocked).isEmpty();
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
