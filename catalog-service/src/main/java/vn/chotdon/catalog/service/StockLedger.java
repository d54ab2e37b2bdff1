package vn.chotdon.catalog.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import vn.chotdon.catalog.Product;
import vn.chotdon.catalog.ProductStatus;
import vn.chotdon.catalog.ProductStock;
import vn.chotdon.catalog.SessionReservation;
import vn.chotdon.catalog.StockLedgerEntry;
import vn.chotdon.catalog.StockMovementKind;
import vn.chotdon.events.CatalogEventTypes;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Every change of a product's stock: one conditional UPDATE of product_stock that cannot take
 * it below zero, one ledger entry with the stock it left, one event, all in one transaction.
 * What a cooperative's owner or staff asks for takes their cooperative scope: the product is found
 * only among their cooperative's products. Reservations are set only by livestream-service, which
 * is bound to no cooperative.
 */
@ApplicationScoped
public class StockLedger {

    private static final Logger LOG = Logger.getLogger(StockLedger.class);

    private final EntityManager em;
    private final CatalogEvents events;

    StockLedger(EntityManager em, CatalogEvents events) {
        this.em = em;
        this.events = events;
    }

    public record LedgerPage(List<StockLedgerEntry> items, long total) {
    }

    /** A session's reservation of a product and the product's stock after it. */
    public record ReservationState(long productId, long sessionId, long quantity, long sold, long held,
            ProductStock stock, Instant updatedAt) {
    }

    @Transactional
    public ProductStock stock(long productId, Long scope) {
        product(productId, scope);
        return stock(productId);
    }

    @Transactional
    public LedgerPage ledger(long productId, Long scope, int page, int size) {
        product(productId, scope);
        var found = StockLedgerEntry.find("productId", Sort.by("id").descending(), productId)
                .page(Page.of(page, size));
        return new LedgerPage(found.list(), found.count());
    }

    @Transactional
    public StockLedgerEntry receive(long productId, long quantity, String note, Long scope) {
        Product product = product(productId, scope);
        if (product.status == ProductStatus.RETIRED) {
            throw ProblemException.conflict("product-retired", "Product is retired",
                    "Product " + productId + " is retired; it takes no more stock");
        }
        moveAvailable(productId, quantity);
        return entry(productId, StockMovementKind.RECEIPT, quantity, 0, null, note, CatalogEventTypes.STOCK_RECEIVED, null);
    }

    @Transactional
    public StockLedgerEntry adjust(long productId, long delta, String reason, Long scope) {
        if (delta == 0) {
            throw new ProblemException(400, "validation", "Invalid request", "1 field is invalid",
                    List.of(new Problem.FieldViolation("delta", "must not be 0")));
        }
        product(productId, scope);
        if (!moveAvailable(productId, delta)) {
            throw insufficientStock(productId, -delta);
        }
        return entry(productId, StockMovementKind.ADJUSTMENT, delta, 0, null, reason, CatalogEventTypes.STOCK_ADJUSTED, null);
    }

    /** Records units sold directly from available stock (not through a sale session). */
    @Transactional
    public StockLedgerEntry sell(long productId, long quantity, String note, Long scope) {
        product(productId, scope);
        if (!moveAvailable(productId, -quantity)) {
            throw insufficientStock(productId, quantity);
        }
        return entry(productId, StockMovementKind.SALE, -quantity, 0, null, note, CatalogEventTypes.STOCK_SOLD, null);
    }

    /**
     * Sets the units of a product reserved for a session. Idempotent: asking for what is already
     * reserved changes nothing. Growing it takes units from available stock (409 when they are
     * not there); shrinking it gives them back.
     */
    public ReservationState reserve(long productId, long sessionId, long quantity) {
        return RetryOnDeadlock.inNewTransaction(() -> setReservation(productId, sessionId, quantity, true));
    }

    /** Gives all units reserved for the session back to available stock. Idempotent. */
    public ReservationState release(long productId, long sessionId) {
        return RetryOnDeadlock.inNewTransaction(() -> setReservation(productId, sessionId, 0, false));
    }

    @Transactional
    public ReservationState reservation(long productId, long sessionId, Long scope) {
        product(productId, scope);
        ProductStock stock = stock(productId);
        SessionReservation reservation = SessionReservation
                .find("productId = ?1 and sessionId = ?2", productId, sessionId).firstResult();
        if (reservation == null) {
            throw ProblemException.notFound("Reservation", "of product " + productId + " for session " + sessionId);
        }
        return new ReservationState(productId, sessionId, reservation.quantity, reservation.sold, reservation.held,
                stock, reservation.updatedAt);
    }

    /** Every session's reservation of the product, each with the product's stock now. */
    @Transactional
    public List<ReservationState> reservations(long productId, Long scope) {
        product(productId, scope);
        ProductStock stock = stock(productId);
        return SessionReservation.<SessionReservation>list("productId", Sort.by("sessionId"), productId).stream()
                .map(r -> new ReservationState(productId, r.sessionId, r.quantity, r.sold, r.held, stock, r.updatedAt))
                .toList();
    }

    private ReservationState setReservation(long productId, long sessionId, long target, boolean growing) {
        Product product = product(productId);
        Instant now = now();
        if (!lockReservation(productId, sessionId, now)) {
            if (target == 0) {
                return new ReservationState(productId, sessionId, 0, 0, 0, stock(productId), now);
            }
            em.createNativeQuery("INSERT IGNORE INTO session_reservation"
                    + " (product_id, session_id, quantity, created_at, updated_at) VALUES (?1, ?2, 0, ?3, ?3)")
                    .setParameter(1, productId).setParameter(2, sessionId).setParameter(3, now)
                    .executeUpdate();
            lockReservation(productId, sessionId, now);
        }
        // Our own UPDATE above locked the row, so this read sees its latest committed values.
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT quantity, sold, held FROM session_reservation WHERE product_id = ?1 AND session_id = ?2")
                .setParameter(1, productId).setParameter(2, sessionId).getSingleResult();
        long current = ((Number) row[0]).longValue();
        long sold = ((Number) row[1]).longValue();
        long held = ((Number) row[2]).longValue();
        long delta = target - current;
        if (target < sold + held) {
            throw ProblemException.conflict("reservation-below-orders", "Units already sold or held",
                    (sold + held) + " unit(s) of product " + productId + " are sold or held by orders of session "
                            + sessionId + "; the reservation cannot go below that")
                    .with("sold", sold)
                    .with("held", held);
        }
        if (delta == 0) {
            return new ReservationState(productId, sessionId, current, sold, held, stock(productId), now);
        }
        if (delta > 0) {
            if (growing && product.status != ProductStatus.ACTIVE) {
                throw ProblemException.conflict("product-not-active", "Product is not for sale",
                        "Product " + productId + " is " + product.status + "; only ACTIVE products can be reserved")
                        .with("currentStatus", product.status.name());
            }
            int moved = em.createNativeQuery("UPDATE product_stock SET available = available - ?1,"
                    + " reserved = reserved + ?1, updated_at = ?2 WHERE product_id = ?3 AND available >= ?1")
                    .setParameter(1, delta).setParameter(2, now).setParameter(3, productId).executeUpdate();
            if (moved == 0) {
                throw insufficientStock(productId, delta);
            }
        } else {
            em.createNativeQuery("UPDATE product_stock SET available = available + ?1,"
                    + " reserved = reserved - ?1, updated_at = ?2 WHERE product_id = ?3 AND reserved >= ?1")
                    .setParameter(1, -delta).setParameter(2, now).setParameter(3, productId).executeUpdate();
        }
        em.createNativeQuery("UPDATE session_reservation SET quantity = ?1, updated_at = ?2"
                + " WHERE product_id = ?3 AND session_id = ?4")
                .setParameter(1, target).setParameter(2, now).setParameter(3, productId).setParameter(4, sessionId)
                .executeUpdate();
        boolean reserving = delta > 0;
        entry(productId, reserving ? StockMovementKind.RESERVATION : StockMovementKind.RELEASE, -delta, delta,
                sessionId, null, reserving ? CatalogEventTypes.STOCK_RESERVED : CatalogEventTypes.STOCK_RELEASED,
                target - sold);
        return new ReservationState(productId, sessionId, target, sold, held, currentStock(productId), now);
    }

    /**
     * An order of the session holds units: they are counted so that closing the session keeps
     * them, and covered from available stock if the session's reservation was already closed.
     *
     * @return false when the session has no reservation of the product
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdInSession(long productId, long sessionId, long quantity, String orderCode) {
        // Almost always the reservation is open, or closed and still covering the units: one UPDATE
        // does it all, with no read after it (a tenth of catalog's CPU in a sale was that read).
        if (hold(productId, sessionId, quantity, " AND (closed = FALSE OR sold + held + ?1 <= quantity)")) {
            return true;
        }
        if (!hold(productId, sessionId, quantity, "")) {
            return false;
        }
        coverIfClosed(productId, sessionId, orderCode);
        return true;
    }

    private boolean hold(long productId, long sessionId, long quantity, String condition) {
        return em.createNativeQuery("UPDATE session_reservation SET held = held + ?1, updated_at = ?2"
                + " WHERE product_id = ?3 AND session_id = ?4" + condition)
                .setParameter(1, quantity).setParameter(2, now()).setParameter(3, productId).setParameter(4, sessionId)
                .executeUpdate() == 1;
    }

    /**
     * Units of a confirmed order leave the session's reservation as sold.
     *
     * @return false when the session has no reservation that covers them (nothing changes)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean sellFromSession(long productId, long sessionId, long quantity, String orderCode) {
        int sold = em.createNativeQuery("UPDATE session_reservation SET sold = sold + ?1, held = GREATEST(held - ?1, 0),"
                + " updated_at = ?2 WHERE product_id = ?3 AND session_id = ?4 AND sold + ?1 <= quantity")
                .setParameter(1, quantity).setParameter(2, now()).setParameter(3, productId).setParameter(4, sessionId)
                .executeUpdate();
        if (sold == 0 || !moveReserved(productId, -quantity, 0)) {
            return false;
        }
        entry(productId, StockMovementKind.SALE, 0, -quantity, sessionId, "order " + orderCode,
                CatalogEventTypes.STOCK_SOLD, unsoldInSession(productId, sessionId));
        return true;
    }

    /** Held units of a cancelled or expired order: back to the session's reservation, or to available stock once it has ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseHold(long productId, long sessionId, long quantity, String orderCode) {
        em.createNativeQuery("UPDATE session_reservation SET held = GREATEST(held - ?1, 0), updated_at = ?2"
                + " WHERE product_id = ?3 AND session_id = ?4")
                .setParameter(1, quantity).setParameter(2, now()).setParameter(3, productId).setParameter(4, sessionId)
                .executeUpdate();
        giveBackIfClosed(productId, sessionId, quantity, orderCode + " gave its units back");
    }

    /**
     * Units of a cancelled sale go back into the session's reservation, and on to available
     * stock if the session has ended.
     *
     * @return false when the session had not sold them (nothing changes)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean returnToSession(long productId, long sessionId, long quantity, String orderCode) {
        int returned = em.createNativeQuery("UPDATE session_reservation SET sold = sold - ?1, updated_at = ?2"
                + " WHERE product_id = ?3 AND session_id = ?4 AND sold >= ?1")
                .setParameter(1, quantity).setParameter(2, now()).setParameter(3, productId).setParameter(4, sessionId)
                .executeUpdate();
        if (returned == 0 || !moveReserved(productId, quantity, 0)) {
            return false;
        }
        entry(productId, StockMovementKind.RETURN, 0, quantity, sessionId, "order " + orderCode + " cancelled",
                CatalogEventTypes.STOCK_RETURNED, unsoldInSession(productId, sessionId));
        giveBackIfClosed(productId, sessionId, quantity, orderCode + " was cancelled");
        return true;
    }

    /**
     * The session has ended: its reservation keeps what its orders sold or still hold, and the
     * rest goes back to available stock. From then on, units its orders give back go to
     * available stock too. Idempotent. Called by livestream-service when the session ends.
     */
    public ReservationState close(long productId, long sessionId) {
        return RetryOnDeadlock.inNewTransaction(() -> {
            product(productId);
            closeInTransaction(productId, sessionId);
            return reservation(productId, sessionId, null);
        });
    }

    /** The same for every product of a session not closed yet (when its end is learned from an event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeSession(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Number> open = em.createNativeQuery("SELECT product_id FROM session_reservation"
                + " WHERE session_id = ?1 AND closed = FALSE ORDER BY product_id")
                .setParameter(1, sessionId).getResultList();
        for (Number productId : open) {
            closeInTransaction(productId.longValue(), sessionId);
        }
    }

    private void closeInTransaction(long productId, long sessionId) {
        int closed = em.createNativeQuery("UPDATE session_reservation SET closed = TRUE, updated_at = ?1"
                + " WHERE product_id = ?2 AND session_id = ?3")
                .setParameter(1, now()).setParameter(2, productId).setParameter(3, sessionId).executeUpdate();
        if (closed == 0) {
            return;
        }
        long excess = ((Number) em.createNativeQuery("SELECT quantity - sold - held FROM session_reservation"
                + " WHERE product_id = ?1 AND session_id = ?2")
                .setParameter(1, productId).setParameter(2, sessionId).getSingleResult()).longValue();
        if (excess > 0) {
            giveBackIfClosed(productId, sessionId, excess, "session " + sessionId + " ended");
        } else {
            coverIfClosed(productId, sessionId, "session " + sessionId);
        }
    }

    private void giveBackIfClosed(long productId, long sessionId, long quantity, String why) {
        int released = em.createNativeQuery("UPDATE session_reservation SET quantity = quantity - ?1, updated_at = ?2"
                + " WHERE product_id = ?3 AND session_id = ?4 AND closed = TRUE AND quantity - ?1 >= sold + held")
                .setParameter(1, quantity).setParameter(2, now()).setParameter(3, productId).setParameter(4, sessionId)
                .executeUpdate();
        if (released == 1 && moveReserved(productId, -quantity, quantity)) {
            entry(productId, StockMovementKind.RELEASE, quantity, -quantity, sessionId, why,
                    CatalogEventTypes.STOCK_RELEASED, unsoldInSession(productId, sessionId));
        }
    }

    /** A closed reservation that no longer covers what its orders sold and hold takes the difference from available stock. */
    private void coverIfClosed(long productId, long sessionId, String orderCode) {
        long shortBy = ((Number) em.createNativeQuery("SELECT CASE WHEN closed THEN sold + held - quantity ELSE 0 END"
                + " FROM session_reservation WHERE product_id = ?1 AND session_id = ?2")
                .setParameter(1, productId).setParameter(2, sessionId).getSingleResult()).longValue();
        if (shortBy <= 0) {
            return;
        }
        if (!moveReserved(productId, shortBy, -shortBy)) {
            LOG.errorf("Order %s holds %d unit(s) of product %d that session %d no longer reserves, and stock has"
                    + " not that many available", orderCode, shortBy, productId, sessionId);
            return;
        }
        em.createNativeQuery("UPDATE session_reservation SET quantity = quantity + ?1, updated_at = ?2"
                + " WHERE product_id = ?3 AND session_id = ?4")
                .setParameter(1, shortBy).setParameter(2, now()).setParameter(3, productId).setParameter(4, sessionId)
                .executeUpdate();
        entry(productId, StockMovementKind.RESERVATION, -shortBy, shortBy, sessionId,
                "order " + orderCode + " placed as the session ended", CatalogEventTypes.STOCK_RESERVED,
                unsoldInSession(productId, sessionId));
    }

    /** @return false when it would take reserved or available stock below zero */
    private boolean moveReserved(long productId, long reservedDelta, long availableDelta) {
        return em.createNativeQuery("UPDATE product_stock SET reserved = reserved + ?1, available = available + ?2,"
                + " updated_at = ?3 WHERE product_id = ?4 AND reserved + ?1 >= 0 AND available + ?2 >= 0")
                .setParameter(1, reservedDelta).setParameter(2, availableDelta).setParameter(3, now())
                .setParameter(4, productId).executeUpdate() == 1;
    }

    private long unsoldInSession(long productId, long sessionId) {
        return ((Number) em.createNativeQuery("SELECT quantity - sold FROM session_reservation"
                + " WHERE product_id = ?1 AND session_id = ?2")
                .setParameter(1, productId).setParameter(2, sessionId).getSingleResult()).longValue();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** @return false if the session has no reservation row for the product yet */
    private boolean lockReservation(long productId, long sessionId, Instant now) {
        // Setting a reservation also (re)opens it: units orders give back return to it.
        return em.createNativeQuery("UPDATE session_reservation SET updated_at = ?1, closed = FALSE"
                + " WHERE product_id = ?2 AND session_id = ?3")
                .setParameter(1, now).setParameter(2, productId).setParameter(3, sessionId)
                .executeUpdate() == 1;
    }

    /** @return false when the change would take available stock below zero */
    private boolean moveAvailable(long productId, long delta) {
        return em.createNativeQuery("UPDATE product_stock SET available = available + ?1, updated_at = ?2"
                + " WHERE product_id = ?3 AND available + ?1 >= 0")
                .setParameter(1, delta).setParameter(2, now()).setParameter(3, productId)
                .executeUpdate() == 1;
    }

    private StockLedgerEntry entry(long productId, StockMovementKind kind, long availableDelta, long reservedDelta,
            Long sessionId, String reason, String eventType, Long sessionReservedAfter) {
        ProductStock after = currentStock(productId);
        StockLedgerEntry entry = new StockLedgerEntry();
        entry.productId = productId;
        entry.kind = kind;
        entry.availableDelta = availableDelta;
        entry.reservedDelta = reservedDelta;
        entry.sessionId = sessionId;
        entry.reason = reason;
        entry.availableAfter = after.available;
        entry.reservedAfter = after.reserved;
        entry.createdAt = now();
        entry.persistAndFlush();
        events.stockMoved(eventType, entry, sessionReservedAfter);
        return entry;
    }

    /** The stock row as this transaction's own conditional UPDATE left it (Hibernate may hold an older copy). */
    private ProductStock currentStock(long productId) {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT available, reserved, updated_at FROM product_stock WHERE product_id = ?1")
                .unwrap(NativeQuery.class).addScalar("available", Long.class).addScalar("reserved", Long.class)
                .addScalar("updated_at", Instant.class)
                .setParameter(1, productId).getSingleResult();
        ProductStock stock = new ProductStock();
        stock.productId = productId;
        stock.available = (Long) row[0];
        stock.reserved = (Long) row[1];
        stock.updatedAt = (Instant) row[2];
        return stock;
    }

    private ProductStock stock(long productId) {
        ProductStock stock = ProductStock.findById(productId);
        if (stock == null) {
            throw ProblemException.notFound("Product", productId);
        }
        return stock;
    }

    private Product product(long productId) {
        return product(productId, null);
    }

    /** The product, if it is one of the caller's cooperative (any product when scope is null). */
    private Product product(long productId, Long scope) {
        Parameters parameters = Parameters.with("id", productId);
        Product product = Product.<Product>find(
                CooperativeScope.restrict("id = :id", parameters, "cooperativeId", scope), parameters).firstResult();
        if (product == null) {
            throw ProblemException.notFound("Product", productId);
        }
        return product;
    }

    private ProblemException insufficientStock(long productId, long asked) {
        long available = currentStock(productId).available;
        return ProblemException.conflict("insufficient-stock", "Not enough stock",
                "Only " + available + " unit(s) of product " + productId + " are available; " + asked + " were asked")
                .with("productId", productId)
                .with("available", available)
                .with("requested", asked);
    }
}
