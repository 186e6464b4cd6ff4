package io.perfharness.core.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HlogTagsTest {

    @Test
    void safeNamesPassUnchanged() {
        assertThat(HlogTags.forRequestName("GET:/api/v1/items-list_2.json")).isEqualTo("GET:/api/v1/items-list_2.json");
    }

    @Test
    void unsafeCharactersAreReplacedAndAHashKeepsNamesApart() {
        List<String> names = List.of("a b", "a,b", "a=b", "a_b~", "", "é", "a\tb");
        List<String> tags = names.stream().map(HlogTags::forRequestName).toList();

        assertThat(tags).doesNotHaveDuplicates().allMatch(t -> t.matches("[A-Za-z0-9_.:/-]*~[0-9a-f]{8}"));
        assertThat(tags.get(0)).startsWith("a_b~").isEqualTo(HlogTags.forRequestName("a b"));
        // SHA-256("a b") begins c8687a08 (printf 'a b' | sha256sum); pinned so tags stay stable across versions.
        assertThat(tags.get(0)).isEqualTo("a_b~c8687a08");
        assertThat(HlogTags.forRequestName("a_b")).isEqualTo("a_b");
    }
}
