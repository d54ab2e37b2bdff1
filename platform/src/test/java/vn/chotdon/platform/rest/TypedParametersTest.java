package vn.chotdon.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedParametersTest {

    enum Status { DRAFT, ACTIVE }

    static void parameters(@QueryParam("size") int size, @PathParam("id") long id, @QueryParam("since") Instant since,
            @QueryParam("status") Status status, @QueryParam("paid") Boolean paid, @QueryParam("key") UUID key) {
    }

    private static Annotation[] annotationsOf(int parameter) throws Exception {
        return TypedParametersTest.class.getDeclaredMethod("parameters", int.class, long.class, Instant.class,
                Status.class, Boolean.class, UUID.class).getParameterAnnotations()[parameter];
    }

    private static <T> ParamConverter<T> converter(Class<T> type, int parameter) throws Exception {
        return new TypedParameters().getConverter(type, type, annotationsOf(parameter));
    }

    @Test
    void aWholeNumberThatIsNotOneNamesTheParameter() throws Exception {
        assertThat(converter(int.class, 0).fromString("20")).isEqualTo(20);
        assertThatThrownBy(() -> converter(int.class, 0).fromString("abc"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("size");
                    assertThat(e.expectation()).isEqualTo("must be a whole number");
                    assertThat(e.getMessage()).isEqualTo("The query parameter size must be a whole number");
                    assertThat(e.getResponse().getStatus()).isEqualTo(400);
                });
        assertThatThrownBy(() -> converter(int.class, 0).fromString("")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> converter(long.class, 1).fromString("99999999999999999999"))
                .hasMessage("The path parameter id must be a whole number from -9223372036854775808 to"
                        + " 9223372036854775807");
        assertThatThrownBy(() -> converter(long.class, 1).fromString("1.5"))
                .hasMessage("The path parameter id must be a whole number");
    }

    @Test
    void otherTypesSayWhatTheyMustBe() throws Exception {
        assertThat(converter(Instant.class, 2).fromString("2026-12-01T19:00:00+07:00"))
                .isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThatThrownBy(() -> converter(Instant.class, 2).fromString("2026-12-32T19:00:00+07:00"))
                .hasMessage("The query parameter since must be a date-time such as 2026-12-01T19:00:00+07:00");
        assertThat(converter(Status.class, 3).fromString(" active ")).isEqualTo(Status.ACTIVE);
        assertThat(converter(Status.class, 3).fromString("")).isNull();
        assertThatThrownBy(() -> converter(Status.class, 3).fromString("SOLD"))
                .hasMessage("The query parameter status must be one of [DRAFT, ACTIVE], not 'SOLD'");
        assertThat(converter(Boolean.class, 4).fromString("TRUE")).isEqualTo(true);
        assertThat(converter(Boolean.class, 4).fromString("")).isNull();
        assertThatThrownBy(() -> converter(Boolean.class, 4).fromString("yes"))
                .hasMessage("The query parameter paid must be true or false");
        assertThatThrownBy(() -> converter(UUID.class, 5).fromString("not-a-uuid"))
                .hasMessageStartingWith("The query parameter key must be a UUID");
    }

    @Test
    void typesItDoesNotKnowAreLeftToJaxRs() throws Exception {
        assertThat(new TypedParameters().getConverter(String.class, String.class, annotationsOf(0))).isNull();
    }
}
