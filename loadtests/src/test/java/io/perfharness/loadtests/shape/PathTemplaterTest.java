package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathTemplaterTest {
    private final PathTemplater templater = new PathTemplater();

    @Test
    void idsBecomePlaceholders() {
        assertThat(templater.template("/orders/123")).isEqualTo("/orders/{id}");
        assertThat(templater.template("/orders/123/receipt?format=pdf&token=abc")).isEqualTo("/orders/{id}/receipt");
        assertThat(templater.template("/carts/3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/items")).isEqualTo("/carts/{uuid}/items");
        assertThat(templater.template("/blobs/9e107d9d372bb6826bd81d3542a419d6")).isEqualTo("/blobs/{hash}");
        assertThat(templater.template("/reset/aZ3kQ9xP0rT7vW2mB8nL")).isEqualTo("/reset/{token}");
        assertThat(templater.template("/users/jane.doe@example.com/orders")).isEqualTo("/users/{email}/orders");
        assertThat(templater.template("/app;jsessionid=A1B2C3D4E5/home")).isEqualTo("/app/home");
        assertThat(templater.template("/")).isEqualTo("/");
    }

    @Test
    void wordsAndFileNamesStay() {
        assertThat(templater.template("/presentations/logstash-monitorama-2013/images/kibana-search.png"))
                .isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
        assertThat(templater.template("/shuttle/missions/sts-68/news/sts-68-mcc-05.txt"))
                .isEqualTo("/shuttle/missions/sts-68/news/sts-68-mcc-05.txt");
        assertThat(templater.template("/images/")).isEqualTo("/images/");
    }

    @Test
    void mappingRulesComeFirst() {
        PathTemplater custom = new PathTemplater(List.of(
                new PathTemplater.TemplateRule(Pattern.compile("^/presentations/[^/]+/.*"), "/presentations/{deck}/{asset}")));
        assertThat(custom.template("/presentations/logstash-monitorama-2013/images/kibana-search.png"))
                .isEqualTo("/presentations/{deck}/{asset}");
        assertThat(custom.template("/orders/7")).isEqualTo("/orders/{id}");
    }
}
