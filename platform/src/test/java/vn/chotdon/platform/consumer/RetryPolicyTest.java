package vn.chotdon.platform.consumer;

import vn.chotdon.platform.database.DatabaseOutage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.stream.IntStream;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import vn.chotdon.platform.consumer.RetryPolicy.Next;

/** Which failures park an event, which are waited out, and how long the waits grow; no Kafka, no database. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(2), Duration.ofMillis(500),
            Duration.ofSeconds(30));
    private final EventRecords records = new EventRecords(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void anEventsOwnFailureIsRetriedWithADoublingWaitAndParkedAfterTheLastAttempt() {
        RuntimeException npe = new NullPointerException("code");
        assertThat(IntStream.rangeClosed(1, 4).mapToObj(n -> policy.afterFailure(npe, n, 0, Duration.ofSeconds(1))))
                .allSatisfy(d -> assertThat(d.next()).isEqualTo(Next.RETRY))
                .extracting(RetryPolicy.Decision::pause)
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(policy.afterFailure(npe, 5, 0, Duration.ofSeconds(8)).next()).isEqualTo(Next.PARK);
    }

    @Test
    void anEventIsParkedOnceItsRetriesTookTheWholeBudgetEvenWithAttemptsLeft() {
        assertThat(policy.afterFailure(new IllegalStateException(), 2, 0, Duration.ofMinutes(2)).next())
                .isEqualTo(Next.PARK);
        assertThat(policy.afterFailure(new IllegalStateException(), 2, 0, Duration.ofSeconds(119)).next())
                .isEqualTo(Next.RETRY);
    }

    @Test
    void backoffsStayBetweenTheFirstAndTheMaximum() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(10_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(IntStream.rangeClosed(1, 200).mapToObj(policy::backoff))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    @Test
    void anUnreachableDatabaseIsWaitedForHoweverOftenItFailsAndNeverParks() {
        for (Throwable outage : outages()) {
            RetryPolicy.Decision decision = policy.afterFailure(outage, 1_000, 1_000, Duration.ofDays(1));
            assertThat(decision.next()).as(outage.toString()).isEqualTo(Next.WAIT_FOR_DATABASE);
            assertThat(decision.pause()).isEqualTo(Duration.ofSeconds(30));
            assertThat(DatabaseOutage.isCauseOf(outage)).as(outage.toString()).isTrue();
        }
        assertThat(policy.afterFailure(outages()[0], 0, 0, Duration.ZERO).pause()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void failuresOfTheEventItselfAreNotTakenForAnOutage() {
        Throwable[] own = {
            new NullPointerException("Cannot invoke \"String.toUpperCase\" because \"code\" is null"),
            new ConstraintViolationException("could not execute statement",
                    new SQLIntegrityConstraintViolationException("Check constraint 'ck_held' failed", "23000"), "ck"),
            new PersistenceException(new SQLException("Data too long for column 'code' at row 1", "22001")),
            new IllegalArgumentException("Cannot deserialize value of type `long` from String \"abc\""),
        };
        for (Throwable failure : own) {
            assertThat(DatabaseOutage.isCauseOf(failure)).as(failure.toString()).isFalse();
            assertThat(policy.afterFailure(failure, 1, 0, Duration.ZERO).next()).isEqualTo(Next.RETRY);
        }
    }

    @Test
    void recordsThatAreNotAReadableEventAreParkedAtOnceWithWhatCouldBeReadOfThem() {
        assertThat(records.read("{not json")).isInstanceOf(EventRecords.Unreadable.class);
        assertThat(records.read(null)).isInstanceOf(EventRecords.Unreadable.class);
        assertThat(records.read("[1, 2]")).isInstanceOf(EventRecords.Unreadable.class);
        assertThat(records.read("{\"type\": \"t\", \"time\": \"2026-01-01T00:00:00Z\", \"data\": {}}"))
                .isEqualTo(new EventRecords.Unreadable("the envelope has no id", null, "t", null));
        assertThat(records.read("{\"id\": \"e1\", \"time\": \"2026-01-01T00:00:00Z\", \"data\": {}}"))
                .isEqualTo(new EventRecords.Unreadable("the envelope has no type", "e1", null, null));
        assertThat(records.read("{\"id\": \"e1\", \"type\": \"t\", \"time\": \"2026-01-01T00:00:00Z\", \"data\": null}"))
                .isEqualTo(new EventRecords.Unreadable("the envelope has no payload (data is null)", "e1", "t", null));
        assertThat(records.read("{\"id\": \"e1\", \"type\": \"t\", \"time\": \"yesterday\", \"data\": {\"cooperativeId\": 7}}"))
                .isInstanceOfSatisfying(EventRecords.Unreadable.class, u -> assertThat(u.cooperativeId()).isEqualTo(7L));
        assertThat(records.read("{\"id\": \"e1\", \"type\": \"t\", \"time\": \"2026-01-01T00:00:00Z\","
                + " \"data\": {\"cooperativeId\": 7, \"code\": null}, \"newAttribute\": 1}"))
                .isInstanceOfSatisfying(EventRecords.Readable.class, r -> {
                    assertThat(r.event().id()).isEqualTo("e1");
                    assertThat(EventRecords.cooperativeOf(r.event().data())).isEqualTo(7L);
                });
        assertThat(EventRecords.cooperativeOf(new ObjectMapper().createObjectNode().put("cooperativeId", "7"))).isNull();
    }

    private static Throwable[] outages() {
        return new Throwable[] {
            new PersistenceException(new JDBCConnectionException("Unable to acquire JDBC Connection",
                    new SQLException("Acquisition timeout while waiting for new connection"))),
            new SQLTransientConnectionException("Connection is not available"),
            new RuntimeException(new SQLException("Communications link failure", "08S01")),
            new IllegalStateException("wrapped", new ConnectException("Connection refused")),
            new SQLException("No operations allowed after connection closed.", "08003"),
        };
    }
}
