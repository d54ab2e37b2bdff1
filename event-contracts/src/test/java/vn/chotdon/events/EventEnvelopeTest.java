package vn.chotdon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void buildsCloudEventsAttributesFromTheAggregate() {
        Instant now = Instant.parse("2026-11-28T03:15:00Z");
        EventEnvelope<String> envelope = EventEnvelope.of("e-1", CatalogEventTypes.SOURCE,
                CatalogEventTypes.PRODUCT_CREATED, 1, "product", "42", now, "data");

        assertThat(envelope.specversion()).isEqualTo("1.0");
        assertThat(envelope.subject()).isEqualTo("product/42");
        assertThat(envelope.aggregateid()).isEqualTo("42");
        assertThat(envelope.datacontenttype()).isEqualTo("application/json");
        assertThat(envelope.time()).isEqualTo(now);
    }

    @Test
    void refusesAnEventWithoutIdTypeOrTime() {
        assertThatThrownBy(() -> EventEnvelope.of(null, "s", "t", 1, "a", "1", Instant.now(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventEnvelope.of("id", "s", null, 1, "a", "1", Instant.now(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventEnvelope.of("id", "s", "t", 1, "a", "1", null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
