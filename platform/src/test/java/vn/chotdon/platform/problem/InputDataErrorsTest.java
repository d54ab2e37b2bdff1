package vn.chotdon.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class InputDataErrorsTest {

    private static Throwable wrapped(String sqlState, int code) {
        return new PersistenceException("could not execute statement",
                new RuntimeException(new SQLException("refused", sqlState, code)));
    }

    @Test
    void dataErrorsFromInputAreA400WithAStableType() {
        for (Throwable e : new Throwable[] { wrapped("22001", 1406), wrapped("22003", 1264), wrapped("22007", 1292),
                wrapped("HY000", 1366), wrapped("HY000", 1267) }) {
            Problem problem = InputDataErrors.problem(e, "/products").orElseThrow();
            assertThat(problem.status).isEqualTo(400);
            assertThat(problem.type).isEqualTo(Problem.TYPE_BASE + "unstorable-value");
        }
    }

    @Test
    void otherDatabaseErrorsAreNotBlamedOnTheInput() {
        assertThat(InputDataErrors.problem(wrapped("23000", 1062), "/products")).isEmpty();
        assertThat(InputDataErrors.problem(wrapped("08S01", 0), "/products")).isEmpty();
        assertThat(InputDataErrors.problem(new IllegalStateException("bug"), "/products")).isEmpty();
    }
}
