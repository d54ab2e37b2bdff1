package vn.chotdon.livestream.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import vn.chotdon.livestream.LineupCode;
import vn.chotdon.livestream.LineupItem;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.livestream.client.Catalog;
import vn.chotdon.livestream.client.CatalogProduct;
import vn.chotdon.livestream.client.Orders;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Lineup changes, which span two systems: catalog-service holds the stock reserved for the
 * session, this service the lineup (and order-service, which sells it, gates a removal). Catalog
 * is called first (a 503 then leaves nothing done); if the local transaction then fails, the
 * catalog reservation is set back to what the committed lineup says. Every change first finds the session within the caller's cooperative
 * (null scope: not bound to one), so nobody reserves stock for a session that is not theirs.
 */
@ApplicationScoped
public class LineupService {

    private static final Logger LOG = Logger.getLogger(LineupService.class);

    private final Sessions sessions;
    private final LineupStore store;
    private final Catalog catalog;
    private final Orders orders;

    LineupService(Sessions sessions, LineupStore store, Catalog catalog, Orders orders) {
        this.sessions = sessions;
        this.store = store;
        this.catalog = catalog;
        this.orders = orders;
    }

    public List<LineupItem> items(long sessionId) {
        return store.items(sessionId);
    }

    public LineupItem item(long sessionId, long itemId) {
        return store.item(sessionId, itemId);
    }

    public LineupItem byCode(long sessionId, String code) {
        String normalised;
        try {
            normalised = LineupCode.normalise(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Lineup item", code + " of session " + sessionId);
        }
        return store.byCode(sessionId, normalised);
    }

    public LineupItem add(long sessionId, Long cooperativeScope, LineupItemDraft draft) {
        SaleSession session = sessions.get(sessionId, cooperativeScope);
        Sessions.requireLineupEditable(session);
        String code = LineupCode.normalise(draft.code());
        store.checkFree(sessionId, code, draft.productId());
        CatalogProduct product = catalog.productForSale(draft.productId(), session.cooperativeId);
        reserve(sessionId, product.id(), draft.quota());
        try {
            return store.insert(sessionId, cooperativeScope, code, product, draft);
        } catch (RuntimeException e) {
            resync(sessionId, product.id());
            throw LineupRules.refusal(e, sessionId, code, product.id());
        }
    }

    public LineupItem change(long sessionId, Long cooperativeScope, long itemId, LineupItemChange change) {
        SaleSession session = sessions.get(sessionId, cooperativeScope);
        Sessions.requireLineupEditable(session);
        LineupItem item = store.item(sessionId, itemId);
        String code = LineupCode.normalise(change.code());
        LineupRules.checkLiveChange(session, item, code, change.quota());
        boolean quotaChanges = item.quota != change.quota();
        if (quotaChanges) {
            reserve(sessionId, item.productId, change.quota());
        }
        try {
            return store.change(sessionId, cooperativeScope, itemId, item.version, code, change);
        } catch (RuntimeException e) {
            if (quotaChanges) {
                resync(sessionId, item.productId);
            }
            throw LineupRules.refusal(e, sessionId, code, item.productId);
        }
    }

    /**
     * Removes an item, gated by order-service: it withdraws the item from sale only if none of its
     * units is taken, and from then on refuses every order for it; only then is the reservation given
     * back to catalog-service and the item deleted. If order-service cannot answer, nothing is
     * released (503). A withdrawal is final: if releasing or deleting fails after it, the item stays
     * in the lineup unsellable until the removal is tried again, which order-service accepts again.
     * <p>
     * order-service not knowing the session means none of its orders can exist. That is safe while
     * the session is SCHEDULED: this removal's event is sent before the event that opens the session,
     * and every consumer reads one session's events in order. A LIVE session order-service does not
     * know is one it is behind on; it may sell the item as soon as it catches up, so that is a 503.
     */
    public void remove(long sessionId, Long cooperativeScope, long itemId) {
        SaleSession session = sessions.get(sessionId, cooperativeScope);
        Sessions.requireLineupEditable(session);
        LineupItem item = store.item(sessionId, itemId);
        Orders.Withdrawal withdrawal = orders.withdraw(sessionId, itemId, item.code, item.version);
        boolean sessionUnknown = withdrawal == Orders.Withdrawal.SESSION_UNKNOWN;
        if (sessionUnknown && session.status != SessionStatus.SCHEDULED) {
            throw Orders.behind(sessionId);
        }
        catalog.release(item.productId, sessionId);
        try {
            store.delete(sessionId, cooperativeScope, itemId, sessionUnknown);
        } catch (RuntimeException e) {
            resync(sessionId, item.productId);
            throw e;
        }
    }

    public LineupItem pin(long sessionId, Long cooperativeScope, long itemId) {
        return store.pin(sessionId, cooperativeScope, itemId);
    }

    /** A timed-out call may still have reached catalog: set the reservation back before answering 503. */
    private void reserve(long sessionId, long productId, long quantity) {
        try {
            catalog.reserve(productId, sessionId, quantity);
        } catch (ProblemException e) {
            if (e.status() == 503) {
                resync(sessionId, productId);
            }
            throw e;
        }
    }

    /** Sets catalog's reservation back to what the committed lineup says; logs if catalog cannot be reached. */
    private void resync(long sessionId, long productId) {
        try {
            long target = store.committedReservation(sessionId, productId);
            if (target == 0) {
                catalog.release(productId, sessionId);
            } else {
                catalog.reserve(productId, sessionId, target);
            }
        } catch (RuntimeException e) {
            LOG.errorf("Could not set the catalog reservation of product %d for session %d back: %s", productId,
                    sessionId, e.toString());
        }
    }
}
