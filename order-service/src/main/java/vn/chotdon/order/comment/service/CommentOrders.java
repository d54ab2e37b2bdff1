package vn.chotdon.order.comment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.comment.CommentPlatform;
import vn.chotdon.order.service.IdempotencyKey;
import vn.chotdon.order.service.OrderPlacement;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.order.service.Placement;
import vn.chotdon.order.waitlist.service.JoinWaitlist;
import vn.chotdon.order.waitlist.service.WaitlistJoins;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Turns a comment's lines and phone into an order through the same hot path as POST /orders
 * ({@link OrderPlacement}): the same quotas, per-buyer limits and held-units cap. The Idempotency-Key
 * is the comment's own ({@code comment:<session>:<platform>:<id>}), so a comment places at most one
 * order however often it is handled.
 *
 * <p>A comment cannot say how the buyer pays: the session's buyer policy does (COD unless set; a
 * bank transfer for a buyer who must pay first). The address is the one of the buyer's latest order in the cooperative
 * (same phone) unless staff give one; a phone with no order yet has no address, and no address is
 * ever invented: such a comment waits for staff (ADDRESS_MISSING).
 */
@ApplicationScoped
public class CommentOrders {

    private static final String LIVE_ORDER = " AND o.status NOT IN ('CANCELLED', 'EXPIRED', 'RETURNED')";

    private final EntityManager em;
    private final OrderPlacement placement;
    private final WaitlistJoins waitlist;

    CommentOrders(EntityManager em, OrderPlacement placement, WaitlistJoins waitlist) {
        this.em = em;
        this.placement = placement;
        this.waitlist = waitlist;
    }

    /** The delivery address of the phone's latest order in the cooperative. */
    public Optional<PlaceOrder.Address> knownAddress(long cooperativeId, String phoneE164) {
        List<?> rows = em.createNativeQuery("SELECT province, commune, address_detail FROM orders"
                + " WHERE cooperative_id = ?1 AND buyer_phone = ?2 ORDER BY id DESC LIMIT 1")
                .setParameter(1, cooperativeId).setParameter(2, phoneE164).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new PlaceOrder.Address((String) columns[0], (String) columns[1], (String) columns[2]);
        });
    }

    /** The first of these codes the phone already has in a live (not cancelled, expired or returned) order of the session. */
    public Optional<String> alreadyOrdered(long sessionId, String phoneE164, List<CommentLine> lines) {
        List<String> codes = lines.stream().map(line -> line.code().toUpperCase(Locale.ROOT)).toList();
        // A comment names a few codes: one placeholder each.
        String placeholders = IntStream.range(0, codes.size()).mapToObj(i -> "?" + (i + 3)).collect(Collectors.joining(", "));
        var query = em.createNativeQuery("SELECT l.code FROM orders o JOIN order_line l ON l.order_id = o.id"
                + " WHERE o.session_id = ?1 AND o.buyer_phone = ?2 AND l.code IN (" + placeholders + ")" + LIVE_ORDER
                + " LIMIT 1").setParameter(1, sessionId).setParameter(2, phoneE164);
        for (int i = 0; i < codes.size(); i++) {
            query.setParameter(i + 3, codes.get(i));
        }
        List<?> rows = query.getResultList();
        return rows.stream().findFirst().map(String::valueOf);
    }

    /**
     * @throws vn.chotdon.platform.problem.ProblemException the hot path's refusal; nothing was placed
     */
    public Placement place(long sessionId, CommentPlatform platform, String platformCommentId, String buyerName,
            String phone, List<CommentLine> lines, PlaceOrder.Address address, PaymentMethod paymentMethod) {
        List<PlaceOrder.Item> items = lines.stream().map(line -> new PlaceOrder.Item(line.code(), null, line.quantity()))
                .toList();
        PlaceOrder order = new PlaceOrder(sessionId, items, buyerName, phone, address, paymentMethod,
                "Đặt qua bình luận " + platform + " " + platformCommentId);
        return placement.place(order, idempotencyKey(sessionId, platform, platformCommentId));
    }

    /**
     * Puts the commenter in line for the line's sold-out item (COD, the known address), once per phone
     * and item.
     *
     * @return whether the buyer is in line; false when the waitlist refused (units came back meanwhile,
     *         the session ended, ...): the comment then waits for staff
     */
    public boolean joinWaitlist(long sessionId, long commentId, String buyerName, String phone, CommentLine line,
            PlaceOrder.Address address) {
        try {
            waitlist.join(sessionId, new JoinWaitlist(line.code(), null, line.quantity(), buyerName, phone, address,
                    PaymentMethod.COD), commentId);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }

    /** The order placed under the comment's key, if any (it placed at most one). */
    public Optional<String> placedFor(long sessionId, CommentPlatform platform, String platformCommentId) {
        List<?> rows = em.createNativeQuery("SELECT code FROM orders WHERE idempotency_key = ?1")
                .setParameter(1, IdempotencyKey.of(idempotencyKey(sessionId, platform, platformCommentId)).id())
                .getResultList();
        return rows.stream().findFirst().map(String::valueOf);
    }

    /** The comment's place in a waitlist, if it took one. */
    public Optional<InLine> waitlisted(long commentId) {
        List<?> rows = em.createNativeQuery("SELECT o.code FROM waitlist_entry w LEFT JOIN orders o ON o.id = w.order_id"
                + " WHERE w.comment_id = ?1").setParameter(1, commentId).getResultList();
        return rows.stream().findFirst().map(code -> new InLine((String) code));
    }

    /** A comment's place in a waitlist: the order its turn brought, or null while none. */
    public record InLine(String orderCode) {
    }

    static String idempotencyKey(long sessionId, CommentPlatform platform, String platformCommentId) {
        return "comment:" + sessionId + ":" + platform + ":" + platformCommentId;
    }
}
