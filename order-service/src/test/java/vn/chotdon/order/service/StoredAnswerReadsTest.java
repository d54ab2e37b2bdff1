package vn.chotdon.order.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Db;

/**
 * The gathered reads of Idempotency-Keys against the real database: many requests at once each get
 * their own key's answer (or none), and a read waits for a transaction that inserted its key, as a
 * single locking read did, without holding the reads of other keys.
 */
@QuarkusTest
class StoredAnswerReadsTest {

    private final Db db = Db.ofApplication();

    @Inject
    IdempotencyKeys keys;

    @Inject
    DataSource dataSource;

    @Test
    void manyRequestsAtOnceEachGetTheAnswerOfTheirOwnKey() throws Exception {
        List<String> raws = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            String raw = UUID.randomUUID().toString();
            raws.add(raw);
            if (n % 2 == 0) {
                store(raw, "{\"order\":{\"code\":\"" + raw + "\"}}");
            }
        }
        int threads = 48;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<String>>> answers = new ArrayList<>();
            for (String raw : raws) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return keys.stored(IdempotencyKey.of(raw)).map(stored -> stored.bodyFor("hash-" + raw));
                }));
            }
            start.countDown();
            for (int n = 0; n < raws.size(); n++) {
                Optional<String> answer = answers.get(n).get();
                if (n % 2 == 0) {
                    assertThat(answer).contains("{\"order\":{\"code\":\"" + raws.get(n) + "\"}}");
                } else {
                    assertThat(answer).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReadWaitsForTheTransactionThatInsertedItsKeyAndNotForOthers() throws Exception {
        String raw = UUID.randomUUID().toString();
        try (Connection placing = dataSource.getConnection()) {
            CompletableFuture<Optional<IdempotencyKeys.StoredAnswer>> waiting =
                    readWaitingFor(placing, raw, "{\"order\":{\"code\":\"late\"}}");
            // The other reader answers a read of another key meanwhile.
            assertThat(keys.stored(IdempotencyKey.of(UUID.randomUUID().toString()))).isEmpty();
            assertThat(waiting).isNotDone();

            placing.commit();
            assertThat(waiting.get().map(stored -> stored.bodyFor("hash-" + raw)))
                    .contains("{\"order\":{\"code\":\"late\"}}");
        }
    }

    @Test
    void aKeyWhoseTransactionRolledBackHasNoAnswer() throws Exception {
        try (Connection placing = dataSource.getConnection()) {
            CompletableFuture<Optional<IdempotencyKeys.StoredAnswer>> waiting =
                    readWaitingFor(placing, UUID.randomUUID().toString(), "{}");
            placing.rollback();
            assertThat(waiting.get()).isEmpty();
        }
    }

    @Test
    void readsArePaddedToFourStatementSizes() {
        assertThat(StoredAnswerReads.paddedSize(1)).isEqualTo(1);
        assertThat(StoredAnswerReads.paddedSize(2)).isEqualTo(4);
        assertThat(StoredAnswerReads.paddedSize(5)).isEqualTo(16);
        assertThat(StoredAnswerReads.paddedSize(17)).isEqualTo(64);
        assertThat(StoredAnswerReads.paddedSize(64)).isEqualTo(64);
        assertThatThrownBy(() -> StoredAnswerReads.paddedSize(65)).isInstanceOf(IllegalArgumentException.class);
    }

    private void store(String raw, String body) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, raw, body);
        }
    }

    /**
     * Inserts the key in a transaction left open on {@code placing}, then reads it from another
     * thread: the read is returned once it waits for that transaction.
     */
    private CompletableFuture<Optional<IdempotencyKeys.StoredAnswer>> readWaitingFor(Connection placing, String raw,
            String body) throws Exception {
        IdempotencyKey key = IdempotencyKey.of(raw);
        placing.setAutoCommit(false);
        insert(placing, raw, body);
        CompletableFuture<Optional<IdempotencyKeys.StoredAnswer>> waiting =
                CompletableFuture.supplyAsync(() -> keys.stored(key));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsForALock(key.id()));
        return waiting;
    }

    private static void insert(Connection connection, String raw, String body) throws Exception {
        IdempotencyKey key = IdempotencyKey.of(raw);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key (idem_key, request_hash,"
                + " response_status, sealed_response, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key.id());
            insert.setString(2, "hash-" + raw);
            insert.setInt(3, IdempotencyKeys.CREATED);
            insert.setBytes(4, key.seal(IdempotencyKeys.CREATED, body));
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /**
     * A read naming the key is running in the database: it stays there only while it waits for the
     * row's lock (the driver sends the statement's text with its values).
     */
    private boolean waitsForALock(String keyId) {
        return db.number("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT idem_key%'"
                + " AND info LIKE CONCAT('%', ?, '%')", keyId) > 0;
    }
}
