package vn.chotdon.order.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/**
 * Reads of the rows stored with Idempotency-Keys, gathered: when a sold-out item turns a flood of
 * taps into refusals, each refusal still reads its key (a retry of an order placed earlier gets its
 * receipt), and one query for the keys of every refusal waiting at that moment costs the database
 * and the driver one round trip instead of one each. A read that finds nobody waiting is sent alone
 * at once, so a quiet sale waits for nothing.
 *
 * <p>Each query reads with a shared lock, as a single read did: it waits while a transaction that
 * inserted one of its keys still runs, and so do the other reads of its batch; that is the rare case
 * of a key sent again while its first request is being placed. {@link #READERS} readers, so that one
 * such wait does not hold every refusal.
 */
@ApplicationScoped
public class StoredAnswerReads {

    /** A key's row: the hash of the request that stored it and its sealed answer. */
    public record Row(String requestHash, byte[] sealedResponse) {
    }

    static final int READERS = 2;
    /** IN lists are padded to these sizes, so the driver's statement cache holds four statements. */
    private static final int[] BATCH_SIZES = {1, 4, 16, 64};
    private static final int MOST_PER_READ = BATCH_SIZES[BATCH_SIZES.length - 1];

    private record Read(String keyId, CompletableFuture<Optional<Row>> row) {
    }

    private final DataSource dataSource;
    private final LinkedBlockingQueue<Read> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> readers = new ArrayList<>();

    StoredAnswerReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param keyId the key's stored id ({@link IdempotencyKey#id()})
     * @return its row, if an order was placed with it, once the batch it joins is read (on a reader's
     *         thread); an IllegalStateException if the database could not be read
     */
    public CompletableFuture<Optional<Row>> read(String keyId) {
        startReaders();
        Read read = new Read(keyId, new CompletableFuture<>());
        waiting.add(read);
        return read.row();
    }

    private synchronized void startReaders() {
        if (readers.isEmpty()) {
            for (int n = 0; n < READERS; n++) {
                Thread reader = new Thread(this::serve, "idempotency-key-reads-" + n);
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
        }
    }

    /** The readers stop; a read still waiting fails rather than waiting for ever. */
    @PreDestroy
    synchronized void stop() {
        readers.forEach(Thread::interrupt);
        readers.clear();
        IllegalStateException stopped = new IllegalStateException("order-service is stopping");
        for (Read read = waiting.poll(); read != null; read = waiting.poll()) {
            read.row().completeExceptionally(stopped);
        }
    }

    private void serve() {
        List<Read> batch = new ArrayList<>(MOST_PER_READ);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, MOST_PER_READ - 1);
            try {
                Map<String, Row> rows = rows(batch);
                batch.forEach(read -> read.row().complete(Optional.ofNullable(rows.get(read.keyId()))));
            } catch (RuntimeException | SQLException e) {
                IllegalStateException failure = new IllegalStateException("cannot read an Idempotency-Key", e);
                batch.forEach(read -> read.row().completeExceptionally(failure));
            }
            batch.clear();
        }
    }

    private Map<String, Row> rows(List<Read> batch) throws SQLException {
        int size = paddedSize(batch.size());
        StringBuilder query = new StringBuilder("SELECT idem_key, request_hash, sealed_response FROM idempotency_key"
                + " WHERE idem_key IN (?");
        query.append(",?".repeat(size - 1)).append(") LOCK IN SHARE MODE");
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query.toString())) {
            for (int n = 0; n < size; n++) {
                select.setString(n + 1, batch.get(Math.min(n, batch.size() - 1)).keyId());
            }
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.put(found.getString(1), new Row(found.getString(2), found.getBytes(3)));
                }
            }
        }
        return rows;
    }

    /** The smallest of the batch sizes that holds this many keys (the last key fills the rest). */
    static int paddedSize(int keys) {
        for (int size : BATCH_SIZES) {
            if (keys <= size) {
                return size;
            }
        }
        throw new IllegalArgumentException(keys + " keys are more than one read takes");
    }
}
