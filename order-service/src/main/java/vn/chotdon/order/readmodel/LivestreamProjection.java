package vn.chotdon.order.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.livestream.LineupItemData;
import vn.chotdon.events.livestream.SessionData;
import vn.chotdon.order.config.OrderSettings;
import vn.chotdon.order.service.LineupWithdrawals;
import vn.chotdon.order.service.SoldOutMemory;
import vn.chotdon.order.waitlist.service.WaitlistPromotion;
import vn.chotdon.platform.consumer.EventSubscriptions;

/**
 * Keeps order-service's local copy of sessions and lineups from livestream-service's events, so
 * that placing an order never calls another service. Events carry full state and a version; an
 * older version than the one stored is ignored. An item order-service withdrew (see
 * {@link LineupWithdrawals}) stays removed whatever its later events say. A change that frees units
 * of an item (a quota raised) gives them to the item's waitlist in the same transaction; a session
 * that ends, or an item that leaves the lineup, closes its waitlist.
 */
@ApplicationScoped
public class LivestreamProjection {

    private static final Logger LOG = Logger.getLogger(LivestreamProjection.class);

    private final EventSubscriptions subscriptions;
    private final ObjectMapper json;
    private final SoldOutMemory soldOut;
    private final LineupWithdrawals withdrawals;
    private final LiveLineups lineups;
    private final WaitlistPromotion waitlist;
    private final boolean enabled;

    LivestreamProjection(EventSubscriptions subscriptions, ObjectMapper json, SoldOutMemory soldOut,
            LineupWithdrawals withdrawals, LiveLineups lineups, WaitlistPromotion waitlist, OrderSettings settings) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.soldOut = soldOut;
        this.withdrawals = withdrawals;
        this.lineups = lineups;
        this.waitlist = waitlist;
        this.enabled = settings.readModel().enabled();
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            subscriptions.subscribe("read-model", Topics.LIVESTREAM_SESSIONS, this::apply);
        }
    }

    void apply(EventEnvelope<JsonNode> event) throws Exception {
        String type = event.type();
        if (type.startsWith(LivestreamEventTypes.SESSION_PREFIX)) {
            apply(json.treeToValue(event.data(), SessionData.class));
        } else if (type.startsWith(LivestreamEventTypes.LINEUP_PREFIX)) {
            apply(json.treeToValue(event.data(), LineupItemData.class),
                    LivestreamEventTypes.LINEUP_ITEM_REMOVED.equals(type));
        } else {
            LOG.debugf("Ignoring event type %s", type);
        }
    }

    private void apply(SessionData data) {
        SaleSession session = SaleSession.findById(data.sessionId());
        if (session == null) {
            session = new SaleSession();
            session.sessionId = data.sessionId();
        } else if (session.version > data.version()) {
            return;
        }
        session.cooperativeId = data.cooperativeId();
        session.title = data.title();
        session.status = data.status();
        session.holdMinutes = data.holdMinutes();
        session.autoConfirmCod = data.autoConfirmCod();
        session.version = data.version();
        session.updatedAt = now();
        // Flushed first: the session's row is ours (joins and promotions reading it shared have ended) before the line closes.
        session.persistAndFlush();
        if (!session.isLive()) {
            waitlist.closeSession(session.sessionId);
        }
        lineups.changed(session.sessionId);
    }

    private void apply(LineupItemData data, boolean removedEvent) {
        LineupItem item = LineupItem.findById(data.itemId());
        if (item == null) {
            item = new LineupItem();
            item.itemId = data.itemId();
        } else if (item.version > data.version()) {
            return;
        }
        item.sessionId = data.sessionId();
        item.code = data.code().toUpperCase(java.util.Locale.ROOT);
        item.productId = data.productId();
        item.productName = data.productName();
        item.unit = data.unit();
        item.livePriceVnd = data.livePriceVnd();
        item.quota = data.quota();
        item.perBuyerLimit = data.perBuyerLimit();
        item.displayOrder = data.displayOrder();
        item.removed = removedEvent || data.removed();
        item.version = data.version();
        item.updatedAt = now();
        // Written first, so that the item's row is ours before the withdrawal is looked up.
        item.persistAndFlush();
        if (!item.removed && withdrawals.isWithdrawn(item.itemId)) {
            item.removed = true;
            LineupItem.flush();
        }
        if (item.removed) {
            waitlist.closeItem(item.itemId);
        } else {
            // A quota raised gives its new units to the buyers in line first, while this transaction holds the row.
            waitlist.promote(List.of(item.itemId));
        }
        soldOut.forget(item.itemId);
        lineups.changed(item.sessionId);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
