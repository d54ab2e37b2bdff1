package vn.chotdon.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonTypeMessagesTest {

    record Session(OffsetDateTime startsAt, Instant endsAt, LocalDate day, UUID key, int minutes, boolean live,
            List<String> tags, Item item) {
    }

    record Item(String code) {
    }

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private String explain(String body) {
        return ProblemMappers.JsonTypeMessages.explain(
                catchThrowableOfType(() -> json.readValue(body, Session.class), JsonMappingException.class));
    }

    @Test
    void aDateTimeWithABadDayOrOffsetSaysWhatADateTimeLooksLike() {
        assertThat(explain("{\"startsAt\": \"2026-12-32T19:00:00+07:00\"}"))
                .isEqualTo("must be a date-time such as 2026-12-01T19:00:00+07:00");
        assertThat(explain("{\"startsAt\": \"2026-12-01T19:00:00+25:00\"}"))
                .isEqualTo("must be a date-time such as 2026-12-01T19:00:00+07:00");
        assertThat(explain("{\"endsAt\": \"tomorrow\"}")).isEqualTo("must be a date-time such as 2026-12-01T19:00:00+07:00");
        assertThat(explain("{\"startsAt\": {}}")).isEqualTo("must be a date-time such as 2026-12-01T19:00:00+07:00");
    }

    @Test
    void otherScalarsSayWhatTheyMustBe() {
        assertThat(explain("{\"day\": \"2026-02-30\"}")).isEqualTo("must be a date such as 2026-12-01");
        assertThat(explain("{\"key\": \"abc\"}")).isEqualTo("must be a UUID such as 0b6f2f64-3a4e-4f1c-9d55-0e9f0f7c2a11");
        assertThat(explain("{\"minutes\": \"many\"}")).isEqualTo("must be a whole number");
        assertThat(explain("{\"live\": \"yes\"}")).isEqualTo("must be true or false");
        assertThat(explain("{\"tags\": 5}")).isEqualTo("must be an array");
        assertThat(explain("{\"item\": 5}")).isEqualTo("must be an object");
    }

    @Test
    void aNumberTooLargeForItsFieldSaysTheRange() {
        assertThat(explain("{\"minutes\": 99999999999}")).isEqualTo("must be a whole number from -2147483648 to 2147483647");
    }
}
