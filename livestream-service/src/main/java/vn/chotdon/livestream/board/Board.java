package vn.chotdon.livestream.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.service.Sessions;

/**
 * Reads a session's live board: its lineup with the counters the order events moved. The board is
 * public; revenue is not, so it is in the snapshot only for the owner of the session's cooperative.
 * The ticker of the latest orders shows buyers only as order-service masked them ("Chị H***").
 */
@ApplicationScoped
public class Board {

    /** How many of the latest placed order lines the board's ticker shows. */
    static final int TICKER_SIZE = 10;

    private final Sessions sessions;
    private final EntityManager em;

    Board(Sessions sessions, EntityManager em) {
        this.sessions = sessions;
        this.em = em;
    }

    /** The board as anyone may see it: without revenue. */
    public BoardView snapshot(long sessionId) {
        return snapshot(sessionId, null);
    }

    /**
     * @param revenueOf the cooperative whose revenue the caller may see (the owner's), or null for
     *                  none; another cooperative's session shows no revenue
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public BoardView snapshot(long sessionId, Long revenueOf) {
        SaleSession session = sessions.get(sessionId);
        boolean withRevenue = revenueOf != null && revenueOf.equals(session.cooperativeId);
        List<Object[]> rows = em.createNativeQuery("SELECT i.id, i.code, i.product_name, i.unit_label, i.live_price_vnd,"
                + " i.quota, b.ordered, b.held, b.confirmed, b.cancelled, b.confirmed_revenue_vnd, i.pinned"
                + " FROM lineup_item i JOIN board_item b ON b.item_id = i.id WHERE i.session_id = ?1"
                + " ORDER BY i.display_order, i.id")
                .setParameter(1, sessionId).getResultList();
        List<BoardView.Item> items = new ArrayList<>(rows.size());
        long quota = 0, ordered = 0, held = 0, confirmed = 0, cancelled = 0, revenue = 0;
        for (Object[] row : rows) {
            BoardView.Item item = item(row, withRevenue);
            items.add(item);
            quota += item.quota();
            ordered += item.ordered();
            held += item.held();
            confirmed += item.confirmed();
            cancelled += item.cancelled();
            revenue += number(row[10]);
        }
        BoardView.Totals totals = new BoardView.Totals(quota, ordered, held, confirmed, cancelled,
                quota - (ordered - cancelled), withRevenue ? revenue : null);
        return new BoardView(sessionId, session.title, session.status.name(), items, totals, ticker(sessionId),
                Instant.now());
    }

    /**
     * The pace of a session for its cooperative's owner and staff: orders and units placed in the last
     * minute and the order codes of the latest order lines. Another cooperative's session is 404.
     */
    @Transactional
    public HostView pace(long sessionId, Long cooperativeScope) {
        sessions.get(sessionId, cooperativeScope);
        Instant now = Instant.now();
        Object[] lastMinute = (Object[]) em.createNativeQuery("SELECT COUNT(DISTINCT order_id),"
                + " COALESCE(SUM(quantity), 0) FROM ticker_entry WHERE session_id = ?1 AND placed_at >= ?2")
                .setParameter(1, sessionId)
                .setParameter(2, now.minusSeconds(60))
                .getSingleResult();
        List<HostView.LatestOrder> latest = latestLines(sessionId).stream().map(line -> new HostView.LatestOrder(
                line.orderCode(), line.buyerShownAs(), line.code(), line.quantity(), line.placedAt())).toList();
        return new HostView(sessionId, number(lastMinute[0]), number(lastMinute[1]), latest, now);
    }

    /** The latest placed order lines, newest first: masked buyer, units and item, nothing else. */
    private List<BoardView.TickerEntry> ticker(long sessionId) {
        return latestLines(sessionId).stream().map(line -> new BoardView.TickerEntry(line.buyerShownAs(),
                line.quantity(), line.code(), line.productName(), line.unitLabel(), line.placedAt(),
                (line.buyerShownAs() == null ? "Một khách" : line.buyerShownAs()) + " vừa chốt " + line.quantity()
                        + " " + line.productName())).toList();
    }

    /** One placed order line as the ticker keeps it, with its lineup item. */
    private record TickerLine(String orderCode, String buyerShownAs, String code, String productName,
            String unitLabel, long quantity, Instant placedAt) {
    }

    /** The ticker's newest lines, read once for the public ticker and the host page alike. */
    @SuppressWarnings("unchecked")
    private List<TickerLine> latestLines(long sessionId) {
        List<Object[]> rows = em.createNativeQuery("SELECT t.order_code, t.buyer_shown_as, i.code, i.product_name,"
                + " i.unit_label, t.quantity, t.placed_at FROM ticker_entry t JOIN lineup_item i ON i.id = t.item_id"
                + " WHERE t.session_id = ?1 ORDER BY t.id DESC")
                .setParameter(1, sessionId)
                .setMaxResults(TICKER_SIZE)
                .unwrap(NativeQuery.class)
                .addScalar("order_code", StandardBasicTypes.STRING)
                .addScalar("buyer_shown_as", StandardBasicTypes.STRING)
                .addScalar("code", StandardBasicTypes.STRING)
                .addScalar("product_name", StandardBasicTypes.STRING)
                .addScalar("unit_label", StandardBasicTypes.STRING)
                .addScalar("quantity", StandardBasicTypes.LONG)
                .addScalar("placed_at", StandardBasicTypes.INSTANT)
                .getResultList();
        return rows.stream().map(row -> new TickerLine((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (Long) row[5], (Instant) row[6])).toList();
    }

    private static BoardView.Item item(Object[] row, boolean withRevenue) {
        long quota = number(row[5]);
        long ordered = number(row[6]);
        long cancelled = number(row[9]);
        String unitLabel = (String) row[3];
        long sold = ordered - cancelled;
        String label = "Đã chốt " + sold + "/" + quota + (unitLabel == null ? "" : " " + unitLabel);
        return new BoardView.Item(number(row[0]), (String) row[1], (String) row[2], unitLabel, number(row[4]), quota,
                ordered, number(row[7]), number(row[8]), cancelled, quota - sold, withRevenue ? number(row[10]) : null,
                truth(row[11]), label);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
