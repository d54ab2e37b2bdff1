package vn.chotdon.catalog.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import vn.chotdon.catalog.Product;
import vn.chotdon.catalog.ProductStatus;
import vn.chotdon.catalog.ProductStock;
import vn.chotdon.catalog.SessionReservation;
import vn.chotdon.catalog.StockMovementKind;
import vn.chotdon.events.CatalogEventTypes;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * The units of a product reserved for a sale session, and what the session's orders sold and hold
 * of them. Every change is a conditional UPDATE of the reservation row, and the stock it moves
 * goes through {@link StockLedger} (one ledger entry and one event each). Reservations are set only
 * by livestream-service, which is bound to no cooperative; orders change them through the order
 * events catalog follows.
 */
@ApplicationScoped
public class SessionReservations {

    private static final Logger LOG = Logger.getLogger(SessionReservations.class);

    private final EntityManager em;
    private final StockLedger ledger;

    SessionReservations(EntityManager em, StockLedger ledger) {
        this.em = em;
        this.ledger = ledger;
    }

    /** A session's reservation of a product and the product's stock after it. */
    public record ReservationState(long productId, long sessionId, long quantity, long sold, long held,
            ProductStock stock, Instant updatedAt) {
    }

    /**
     * Sets the units of a product reserved for a session. Idempotent: asking for what is already
     * reserved changes nothing. Growing it takes units from available stock (409 when they are
     * not there); shrinking it gives them back.
     */
    public ReservationState reserve(long productId, long sessionId, long quantity) {
        return RetryOnDeadlock.inNewTransaction(() -> setReservation(productId, sessionId, quantity));
    }

    /** Gives all units reserved for the session back to available stock. Idempotent. */
    public ReservationState release(long productId, long sessionId) {
        return RetryOnDeadlock.inNewTransaction(() -> setReservation(productId, sessionId, 0));
    }

    @Transactional
    public ReservationState reservation(long productId, long sessionId, Long scope) {
        ledger.product(productId, scope);
        ProductStock stock = ledger.storedStock(productId);
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
        ledger.product(productId, scope);
        ProductStock stock = ledger.storedStock(productId);
        return SessionReservation.<SessionReservation>list("productId", Sort.by("sessionId"), productId).stream()
                .map(r -> new ReservationState(productId, r.sessionId, r.quantity, r.sold, r.held, stock, r.updatedAt))
                .toList();
    }

    private ReservationState setReservation(long productId, long sessionId, long target) {
        Product product = ledger.product(productId, null);
        Instant now = StockLedger.now();
        // Setting a reservation also (re)opens it: units orders give back return to it.
        if (!change(productId, sessionId, "closed = FALSE", "")) {
            if (target == 0) {
                return new ReservationState(productId, sessionId, 0, 0, 0, ledger.storedStock(productId), now);
            }
            em.createNativeQuery("INSERT IGNORE INTO session_reservation"
                    + " (product_id, session_id, quantity, created_at, updated_at) VALUES (?1, ?2, 0, ?3, ?3)")
                    .setParameter(1, productId).setParameter(2, sessionId).setParameter(3, now)
                    .executeUpdate();
            change(productId, sessionId, "closed = FALSE", "");
        }
        // Our own UPDATE above locked the row, so this read sees its latest committed values.
        Object[] row = (Object[]) rowQuery("SELECT quantity, sold, held", productId, sessionId).getSingleResult();
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
            return new ReservationState(productId, sessionId, current, sold, held, ledger.storedStock(productId), now);
        }
        if (delta > 0 && product.status != ProductStatus.ACTIVE) {
            throw ProblemException.conflict("product-not-active", "Product is not for sale",
                    "Product " + productId + " is " + product.status + "; only ACTIVE products can be reserved")
                    .with("currentStatus", product.status.name());
        }
        if (!ledger.moveReserved(productId, delta, -delta) && delta > 0) {
            throw ledger.insufficientStock(productId, delta);
        }
        change(productId, sessionId, "quantity = :units", "", target);
        boolean reserving = delta > 0;
        ledger.record(productId, reserving ? StockMovementKind.RESERVATION : StockMovementKind.RELEASE, -delta, delta,
                sessionId, null, reserving ? CatalogEventTypes.STOCK_RESERVED : CatalogEventTypes.STOCK_RELEASED,
                target - sold);
        return new ReservationState(productId, sessionId, target, sold, held, ledger.stockNow(productId), now);
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
        if (change(productId, sessionId, "held = held + :units",
                " AND (closed = FALSE OR sold + held + :units <= quantity)", quantity)) {
            return true;
        }
        if (!change(productId, sessionId, "held = held + :units", "", quantity)) {
            return false;
        }
        coverIfClosed(productId, sessionId, orderCode);
        return true;
    }

    /**
     * Units of a confirmed order leave the session's reservation as sold.
     *
     * @return false when the session has no reservation that covers them (nothing changes)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean sellFromSession(long productId, long sessionId, long quantity, String orderCode) {
        if (!change(productId, sessionId, "sold = sold + :units, held = GREATEST(held - :units, 0)",
                " AND sold + :units <= quantity", quantity)
                || !ledger.moveReserved(productId, -quantity, 0)) {
            return false;
        }
        ledger.record(productId, StockMovementKind.SALE, 0, -quantity, sessionId, "order " + orderCode,
                CatalogEventTypes.STOCK_SOLD, unsold(productId, sessionId));
        return true;
    }

    /** Held units of a cancelled or expired order: back to the session's reservation, or to available stock once it has ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseHold(long productId, long sessionId, long quantity, String orderCode) {
        change(productId, sessionId, "held = GREATEST(held - :units, 0)", "", quantity);
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
        if (!change(productId, sessionId, "sold = sold - :units", " AND sold >= :units", quantity)
                || !ledger.moveReserved(productId, quantity, 0)) {
            return false;
        }
        ledger.record(productId, StockMovementKind.RETURN, 0, quantity, sessionId, "order " + orderCode + " cancelled",
                CatalogEventTypes.STOCK_RETURNED, unsold(productId, sessionId));
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
            ledger.product(productId, null);
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
        if (!change(productId, sessionId, "closed = TRUE", "")) {
            return;
        }
        long excess = number(productId, sessionId, "quantity - sold - held");
        if (excess > 0) {
            giveBackIfClosed(productId, sessionId, excess, "session " + sessionId + " ended");
        } else {
            coverIfClosed(productId, sessionId, "session " + sessionId);
        }
    }

    private void giveBackIfClosed(long productId, long sessionId, long quantity, String why) {
        if (change(productId, sessionId, "quantity = quantity - :units",
                " AND closed = TRUE AND quantity - :units >= sold + held", quantity)
                && ledger.moveReserved(productId, -quantity, quantity)) {
            ledger.record(productId, StockMovementKind.RELEASE, quantity, -quantity, sessionId, why,
                    CatalogEventTypes.STOCK_RELEASED, unsold(productId, sessionId));
        }
    }

    /** A closed reservation that no longer covers what its orders sold and hold takes the difference from available stock. */
    private void coverIfClosed(long productId, long sessionId, String orderCode) {
        long shortBy = number(productId, sessionId, "CASE WHEN closed THEN sold + held - quantity ELSE 0 END");
        if (shortBy <= 0) {
            return;
        }
        if (!ledger.moveReserved(productId, shortBy, -shortBy)) {
            LOG.errorf("Order %s holds %d unit(s) of product %d that session %d no longer reserves, and stock has"
                    + " not that many available", orderCode, shortBy, productId, sessionId);
            return;
        }
        change(productId, sessionId, "quantity = quantity + :units", "", shortBy);
        ledger.record(productId, StockMovementKind.RESERVATION, -shortBy, shortBy, sessionId,
                "order " + orderCode + " placed as the session ended", CatalogEventTypes.STOCK_RESERVED,
                unsold(productId, sessionId));
    }

    private long unsold(long productId, long sessionId) {
        return number(productId, sessionId, "quantity - sold");
    }

    /**
     * One conditional UPDATE of the session's reservation row, stamping updated_at; {@code set} and
     * {@code condition} (appended to the row's key, starting with AND) write the units as {@code :units}.
     *
     * @return false when no row matched: none for the session, or the condition did not hold
     */
    private boolean change(long productId, long sessionId, String set, String condition, long units) {
        return rowUpdate(set, condition, productId, sessionId).setParameter("units", units).executeUpdate() == 1;
    }

    private boolean change(long productId, long sessionId, String set, String condition) {
        return rowUpdate(set, condition, productId, sessionId).executeUpdate() == 1;
    }

    private Query rowUpdate(String set, String condition, long productId, long sessionId) {
        return em.createNativeQuery("UPDATE session_reservation SET " + set + ", updated_at = :now"
                + " WHERE product_id = :product AND session_id = :session" + condition)
                .setParameter("now", StockLedger.now()).setParameter("product", productId)
                .setParameter("session", sessionId);
    }

    /** One number of the reservation row, as this transaction's own UPDATEs left it. */
    private long number(long productId, long sessionId, String expression) {
        return ((Number) rowQuery("SELECT " + expression, productId, sessionId).getSingleResult()).longValue();
    }

    private Query rowQuery(String select, long productId, long sessionId) {
        return em.createNativeQuery(select + " FROM session_reservation WHERE product_id = :product AND session_id = :session")
                .setParameter("product", productId).setParameter("session", sessionId);
    }
}
