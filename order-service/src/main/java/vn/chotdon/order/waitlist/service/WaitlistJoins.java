package vn.chotdon.order.waitlist.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.order.address.Provinces;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.order.readmodel.LiveLineups.Item;
import vn.chotdon.order.readmodel.LiveLineups.Lineup;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.service.OrderCodes;
import vn.chotdon.order.service.UnitsInFlight;
import vn.chotdon.order.waitlist.WaitlistSource;
import vn.chotdon.order.waitlist.WaitlistState;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnamPhone;
import vn.chotdon.platform.text.VietnameseText;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Puts a buyer in line for a sold-out item. The transaction reads the session under a shared lock
 * (as placement does: the read-model update that ends the session waits for it, then closes the
 * entry with the others) and the item's units under a shared lock on its row: a release of units
 * (which holds that row's exclusive lock, and promotes in the same transaction) either committed
 * before, and the join sees the units it left, or waits for the join, and then promotes this entry
 * too. So no entry waits behind units that came back while it joined.
 *
 * <p>Units that order requests of this instance are placing right now ({@link UnitsInFlight}) count
 * as gone: a tap refused as sold out because they are being ordered ({@code beingOrdered}) can join
 * the line instead of being sent back to order them. If such an order is then refused, its units stay
 * with the item for the next tap, and the line gets the next units that come back.
 *
 * <p>One WAITING entry per item and phone: the INSERT IGNORE meets the unique key on (item, phone
 * while WAITING), and a second join of the phone gets the first entry.
 */
@ApplicationScoped
public class WaitlistJoins {

    /** The entry joined, and the buyer's token when this call created it (null when it was in line already). */
    public record Joined(EntryInLine entry, String accessToken) {

        public boolean created() {
            return accessToken != null;
        }
    }

    private final EntityManager em;
    private final LiveLineups lineups;
    private final WaitlistEntries entries;
    private final UnitsInFlight inFlight;

    WaitlistJoins(EntityManager em, LiveLineups lineups, WaitlistEntries entries, UnitsInFlight inFlight) {
        this.em = em;
        this.lineups = lineups;
        this.entries = entries;
        this.inFlight = inFlight;
    }

    /**
     * @param commentId the live comment the buyer joined from (source COMMENT), or null (source API)
     * @throws ProblemException 404 unknown session; 409 session-not-live, not-sold-out, buyer-limit;
     *                          422 unknown-item; 400 neither or both of code and itemId
     */
    public Joined join(long sessionId, JoinWaitlist request, Long commentId) {
        String phone = VietnamPhone.normalise(request.phone()).orElseThrow();
        String province = Provinces.resolve(request.address().province()).orElseThrow();
        Lineup lineup = lineups.of(sessionId).orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        if (!lineup.isLive()) {
            throw notLive(sessionId, lineup.status());
        }
        Item item = item(lineup, request);
        if (item.perBuyerLimit() != null && request.quantity() > item.perBuyerLimit()) {
            throw ProblemException.conflict("buyer-limit", "Over the limit per buyer", item.code() + " ("
                    + item.productName() + ") is limited to " + item.perBuyerLimit() + " per buyer; "
                    + request.quantity() + " were asked")
                    .with("itemCode", item.code())
                    .with("limit", item.perBuyerLimit())
                    .with("alreadyOrdered", 0);
        }
        String token = OrderCodes.newAccessToken();
        long id = RetryOnDeadlock.inNewTransaction(
                () -> joinInTransaction(lineup, item, request, phone, province, token, commentId));
        EntryInLine entry = entries.seen(id);
        boolean created = entry.entry().accessTokenHash.equals(OrderCodes.sha256(token));
        return new Joined(entry, created ? token : null);
    }

    private long joinInTransaction(Lineup lineup, Item item, JoinWaitlist request, String phone, String province,
            String token, Long commentId) {
        List<?> session = em.createNativeQuery("SELECT status FROM sale_session WHERE session_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, lineup.sessionId()).getResultList();
        if (session.isEmpty() || !SaleSession.LIVE.equals(session.get(0))) {
            throw notLive(lineup.sessionId(), session.isEmpty() ? "unknown" : (String) session.get(0));
        }
        Object[] units = (Object[]) em.createNativeQuery("SELECT removed, GREATEST(quota - taken, 0) FROM lineup_item"
                + " WHERE item_id = ?1 LOCK IN SHARE MODE").setParameter(1, item.itemId()).getSingleResult();
        if (units[0] instanceof Boolean removed ? removed : ((Number) units[0]).intValue() != 0) {
            throw unknownItem(request, lineup.sessionId());
        }
        long remaining = ((Number) units[1]).longValue();
        // Read after the shared lock: an order that took units committed, and is no longer counted here.
        long orderable = remaining - Math.min(remaining, inFlight.running(item.itemId()));
        if (orderable >= request.quantity()) {
            throw ProblemException.conflict("not-sold-out", "Not sold out",
                    item.code() + " (" + item.productName() + ") has " + orderable + " unit(s) left; order them"
                            + " (POST /orders) instead of waiting")
                    .with("itemCode", item.code())
                    .with("itemId", item.itemId())
                    .with("remaining", orderable);
        }
        em.createNativeQuery("INSERT IGNORE INTO waitlist_entry (session_id, cooperative_id, item_id, buyer_name,"
                + " buyer_phone, province, commune, address_detail, payment_method, quantity, source, comment_id,"
                + " access_token_hash, state, joined_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                + " ?14, ?15)")
                .setParameter(1, lineup.sessionId()).setParameter(2, lineup.cooperativeId())
                .setParameter(3, item.itemId()).setParameter(4, VietnameseText.tidy(request.buyerName()))
                .setParameter(5, phone).setParameter(6, province)
                .setParameter(7, VietnameseText.tidy(request.address().commune()))
                .setParameter(8, VietnameseText.tidy(request.address().detail()))
                .setParameter(9, request.paymentMethod().name()).setParameter(10, request.quantity().longValue())
                .setParameter(11, (commentId == null ? WaitlistSource.API : WaitlistSource.COMMENT).name())
                .setParameter(12, commentId).setParameter(13, OrderCodes.sha256(token))
                .setParameter(14, WaitlistState.WAITING.name())
                .setParameter(15, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        // Inserted now, or the phone's entry already in line (the unique key kept this one out).
        return ((Number) em.createNativeQuery("SELECT id FROM waitlist_entry WHERE item_id = ?1 AND waiting_phone = ?2")
                .setParameter(1, item.itemId()).setParameter(2, phone).getSingleResult()).longValue();
    }

    private static Item item(Lineup lineup, JoinWaitlist request) {
        if ((request.code() == null) == (request.itemId() == null)) {
            throw ProblemException.invalid("code", "give either code or itemId");
        }
        return (request.itemId() != null ? lineup.item(request.itemId()) : lineup.item(request.code()))
                .filter(found -> !found.removed())
                .orElseThrow(() -> unknownItem(request, lineup.sessionId()));
    }

    private static ProblemException unknownItem(JoinWaitlist request, long sessionId) {
        String field = request.itemId() != null ? "itemId" : "code";
        String what = request.itemId() != null ? "item " + request.itemId() : "code " + request.code();
        String message = what + " is not on the lineup of session " + sessionId;
        return new ProblemException(422, "unknown-item", "Not on the lineup", message,
                List.of(new Problem.FieldViolation(field, message)));
    }

    private static ProblemException notLive(long sessionId, String status) {
        return ProblemException.conflict("session-not-live", "Session is not live",
                "Session " + sessionId + " is " + status + "; buyers join a waitlist only while it is LIVE")
                .with("currentStatus", status);
    }
}
