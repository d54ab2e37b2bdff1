package vn.chotdon.platform.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class RetryOnDeadlockTest {

    @Test
    void recognisesDeadlocksAndLockWaitTimeoutsAnywhereInTheCauseChain() {
        assertThat(RetryOnDeadlock.isLockConflict(new RuntimeException(
                new SQLException("Deadlock found when trying to get lock", "40001", 1213)))).isTrue();
        assertThat(RetryOnDeadlock.isLockConflict(new IllegalStateException(new RuntimeException(
                new SQLException("Lock wait timeout exceeded", "HY000", 1205))))).isTrue();
    }

    @Test
    void leavesOtherFailuresAlone() {
        assertThat(RetryOnDeadlock.isLockConflict(new RuntimeException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(RetryOnDeadlock.isLockConflict(new IllegalArgumentException("bad"))).isFalse();
    }
}
