package io.perfharness.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void keepsSaneIncomingIds() {
        assertThat(RequestIds.acceptOrGenerate("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(RequestIds.acceptOrGenerate("a".repeat(128))).hasSize(128);
    }

    @Test
    void replacesMissingOrUnsafeIds() {
        assertThat(RequestIds.acceptOrGenerate(null)).matches("[0-9a-f]{16}");
        assertThat(RequestIds.acceptOrGenerate("")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.acceptOrGenerate("with space")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.acceptOrGenerate("quote\"injection")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.acceptOrGenerate("a".repeat(129))).matches("[0-9a-f]{16}");
        assertThat(RequestIds.generate()).isNotEqualTo(RequestIds.generate());
    }
}
