package vn.chotdon.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResourceRoutesTest {

    @Test
    void templatesJoinWithSingleSlashes() {
        assertThat(ResourceRoutes.join("/", "/products/{productId}", "/stock")).isEqualTo("/products/{productId}/stock");
        assertThat(ResourceRoutes.join("/", "/products", "")).isEqualTo("/products");
        assertThat(ResourceRoutes.join("/api/", "products/", "{id}/")).isEqualTo("/api/products/{id}");
    }

    @Test
    void aTemplateMatchesOneSegmentPerVariableOrItsOwnExpression() {
        Pattern item = ResourceRoutes.compile("/products/{productId}/reservations/{sessionId}");
        assertThat(item.matcher("/products/5/reservations/77").matches()).isTrue();
        assertThat(item.matcher("/products/5/reservations/77/close").matches()).isFalse();
        assertThat(item.matcher("/products/5/reservations").matches()).isFalse();

        Pattern digits = ResourceRoutes.compile("/lineup/{code: [A-Z]{2}\\d{2}}");
        assertThat(digits.matcher("/lineup/BG01").matches()).isTrue();
        assertThat(digits.matcher("/lineup/bg01").matches()).isFalse();
        assertThat(ResourceRoutes.compile("/a.b/{x}").matcher("/aXb/1").matches()).as("literals are quoted").isFalse();
    }
}
