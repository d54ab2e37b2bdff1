package vn.chotdon.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.chotdon.platform.problem.Problem.FieldViolation;

class ProblemExceptionTest {

    @Test
    void invalidFieldsAreOneValidationProblemListingEachWithTheirCount() {
        Problem one = ProblemException.invalid("delta", "must not be 0").toProblem("/products/1/adjustments");
        assertThat(one.status).isEqualTo(400);
        assertThat(one.type).isEqualTo(Problem.TYPE_BASE + "validation");
        assertThat(one.title).isEqualTo("Invalid request");
        assertThat(one.detail).isEqualTo("1 field is invalid");
        assertThat(one.errors).containsExactly(new FieldViolation("delta", "must not be 0"));

        Problem two = ProblemException.invalid(List.of(new FieldViolation("from", "is not a date"),
                new FieldViolation("to", "is not a date"))).toProblem("/sessions");
        assertThat(two.detail).isEqualTo("2 fields are invalid");
        assertThat(two.errors).extracting(FieldViolation::field).containsExactly("from", "to");
    }

    @Test
    void aRefusalIsAnAnswerWithoutAStackTrace() {
        ProblemException soldOut = ProblemException.conflict("sold-out", "Sold out", "BG01 is sold out");
        assertThat(soldOut.getStackTrace()).isEmpty();
        assertThat(soldOut).hasMessage("BG01 is sold out");
    }
}
