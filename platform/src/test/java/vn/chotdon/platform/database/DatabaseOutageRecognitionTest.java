package vn.chotdon.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageRecognitionTest {

    @Test
    void recognisesTheWaysAnUnreachableDatabaseSurfaces() {
        assertThat(DatabaseOutage.isCauseOf(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException("could not prepare statement",
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Communications link failure", "08S01")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("no connection")))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void onlyALostServerClosesTheGateNotABusyPool() {
        SQLException busyPool = new SQLException("Sorry, acquisition timeout!");
        assertThat(DatabaseOutage.isCauseOf(busyPool)).isTrue();
        assertThat(DatabaseOutage.showsTheServerGone(busyPool)).isFalse();
        assertThat(DatabaseOutage.showsTheServerGone(new PersistenceException(
                new SQLException("Communications link failure", "08S01", new ConnectException("Connection refused")))))
                .isTrue();
    }

    @Test
    void findsTheCauseOfARollbackWhereNarayanaKeepsIt() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("Communications link failure", "08S01"));
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException("commit failed", rollback))).isTrue();
    }

    @Test
    void leavesOtherDatabaseErrorsAlone() {
        assertThat(DatabaseOutage.isCauseOf(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("Deadlock found", "40001", 1213))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalArgumentException("bad input"))).isFalse();
    }
}
