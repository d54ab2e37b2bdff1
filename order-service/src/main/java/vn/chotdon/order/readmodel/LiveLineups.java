package vn.chotdon.order.readmodel;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import vn.chotdon.order.config.OrderSettings;

/**
 * Sessions and their lineups as placement needs them, kept in memory so that an order needs no read
 * transaction of its own. The database's read model (sale_session, lineup_item) stays the truth;
 * this is a copy of it read at most {@code chotdon.orders.lineup-max-age} (1 s) ago.
 *
 * <p>The rule that keeps a copy from selling wrongly: what an order is <em>sold at</em> is checked
 * against the database in the order's own transaction, so a copy of any age can never sell at a
 * wrong price, limit or hold time. The transaction reads the session's status and version under a
 * shared lock and takes the quota with {@code … AND version = ?}: livestream-service bumps an
 * item's version with every change it allows while LIVE (live price, per-buyer limit, a quota that
 * only grows, position) and a session's with every change of status or settings, so a copy older
 * than the database's row fails that check, is read again and the order runs once more with it.
 * What the copy alone decides is only a refusal before any work (session not live, code not on the
 * lineup, not enough left); such a refusal stores nothing, and may be up to the age above out of
 * date: a session opened, an item added or units given back less than a second ago are seen on the
 * next read. The same 1 s bound already holds for {@code SoldOutMemory}.
 *
 * <p>Why an age and not only the events: with two instances the read-model consumer group splits
 * the partitions, so an instance does not hear of every session's events; each instance reads the
 * shared tables again. An event this instance applies drops its copy as soon as it commits.
 */
@ApplicationScoped
public class LiveLineups {

    /** A lineup item as sold: what the order's lines copy, and the version the quota UPDATE checks. */
    public record Item(long itemId, long sessionId, String code, long productId, String productName,
            long livePriceVnd, Integer perBuyerLimit, long quota, long taken, boolean removed, long version) {

        /** Units left as last read; the quota UPDATE decides. */
        public long remaining() {
            return Math.max(0, quota - taken);
        }
    }

    /**
     * A session and its lineup as read at one moment: the read began at {@code readAtNanos} and
     * ended at {@code readDoneNanos} (System.nanoTime()); a commit begun after the end is not in it.
     */
    public record Lineup(long sessionId, long cooperativeId, String status, int holdMinutes, boolean autoConfirmCod,
            long version, Map<Long, Item> byId, Map<String, Item> byCode, long readAtNanos, long readDoneNanos) {

        public boolean isLive() {
            return SaleSession.LIVE.equals(status);
        }

        /** The item of this session with this id, removed ones included. */
        public Optional<Item> item(long itemId) {
            return Optional.ofNullable(byId.get(itemId));
        }

        /** The item on the lineup now with this code, any case. */
        public Optional<Item> item(String code) {
            return Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
        }
    }

    private static final String READ = "SELECT s.cooperative_id, s.status, s.hold_minutes, s.auto_confirm_cod,"
            + " s.version, i.item_id, i.code, i.product_id, i.product_name, i.live_price_vnd, i.per_buyer_limit,"
            + " i.quota, i.taken, i.removed, i.version"
            + " FROM sale_session s LEFT JOIN lineup_item i ON i.session_id = s.session_id WHERE s.session_id = ?";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final LineupCopies copies;
    private final ConcurrentHashMap<Long, CompletableFuture<Optional<Lineup>>> reading = new ConcurrentHashMap<>();

    LiveLineups(DataSource dataSource, TransactionSynchronizationRegistry transactions, OrderSettings settings) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.copies = new LineupCopies(settings.lineupMaxAge().toNanos());
    }

    /** The session and its lineup, read again if the copy is older than the maximum age; empty if unknown. */
    public Optional<Lineup> of(long sessionId) {
        Optional<Lineup> copy = copies.current(sessionId, System.nanoTime());
        return copy.isPresent() ? copy : readAgain(sessionId);
    }

    /** The session's copy if it is young enough to use, without reading the database (for the event loop). */
    public Optional<Lineup> copy(long sessionId) {
        return copies.current(sessionId, System.nanoTime());
    }

    /**
     * Reads the session and its lineup again, once for all the requests that ask at the same
     * moment (a flash sale asks hundreds of times a second).
     */
    public Optional<Lineup> readAgain(long sessionId) {
        CompletableFuture<Optional<Lineup>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Lineup>> running = reading.putIfAbsent(sessionId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Optional<Lineup> read = read(sessionId);
            read.ifPresentOrElse(copies::keep, () -> copies.drop(sessionId));
            mine.complete(read);
            return read;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(sessionId, mine);
        }
    }

    /**
     * The read model of this session changed in the caller's transaction: once it commits, no copy
     * read before it is used again.
     */
    public void changed(long sessionId) {
        if (transactions.getTransactionKey() == null) {
            forget(sessionId);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forget(sessionId);
                }
            }
        });
    }

    /** Units of this item were given back (a commit of this instance): the copy that shows it is read again. */
    public void unitsReturned(long itemId) {
        copies.sessionsWithItem(itemId).forEach(this::forget);
    }

    /** Copies and changes' moments past the maximum age decide nothing any more. */
    @Scheduled(identity = "order-lineup-copies-prune", every = "1m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        copies.prune(System.nanoTime());
    }

    private void forget(long sessionId) {
        copies.changed(sessionId, System.nanoTime());
    }

    private Optional<Lineup> read(long sessionId) {
        // Taken before the read: a change committed while it runs makes this copy out of date.
        long readAt = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(READ)) {
            select.setLong(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Map<Long, Item> byId = new HashMap<>();
                Map<String, Item> byCode = new HashMap<>();
                long cooperativeId = rows.getLong(1);
                String status = rows.getString(2);
                int holdMinutes = rows.getInt(3);
                boolean autoConfirmCod = rows.getBoolean(4);
                long version = rows.getLong(5);
                do {
                    rows.getLong(6);
                    if (rows.wasNull()) {
                        continue;
                    }
                    int limit = rows.getInt(11);
                    Integer perBuyerLimit = rows.wasNull() ? null : limit;
                    Item item = new Item(rows.getLong(6), sessionId, rows.getString(7), rows.getLong(8),
                            rows.getString(9), rows.getLong(10), perBuyerLimit, rows.getLong(12),
                            rows.getLong(13), rows.getBoolean(14), rows.getLong(15));
                    byId.put(item.itemId(), item);
                    if (!item.removed()) {
                        byCode.put(item.code(), item);
                    }
                } while (rows.next());
                return Optional.of(new Lineup(sessionId, cooperativeId, status, holdMinutes, autoConfirmCod, version,
                        Map.copyOf(byId), Map.copyOf(byCode), readAt, System.nanoTime()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read session " + sessionId + " and its lineup", e);
        }
    }
}
