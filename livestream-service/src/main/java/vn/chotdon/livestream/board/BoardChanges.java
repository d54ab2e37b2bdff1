package vn.chotdon.livestream.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.chotdon.events.order.OrderData;

/**
 * What the order events of one transaction do to the boards, gathered while they are handled and
 * written once at the transaction's end ({@link BoardConsumer}): one UPDATE per board item however
 * many orders moved it, one INSERT for the ticker lines. The counters only add up, so the sum of a
 * batch's moves is the same as the moves one by one.
 */
final class BoardChanges {

    /** A board item; ordered by session then item, the order in which the rows are locked. */
    record Item(long sessionId, long itemId) implements Comparable<Item> {

        @Override
        public int compareTo(Item other) {
            int bySession = Long.compare(sessionId, other.sessionId);
            return bySession != 0 ? bySession : Long.compare(itemId, other.itemId);
        }
    }

    /** The counters' change of one item, with the confirmed revenue it brings. */
    record Move(BoardMove counts, long confirmedRevenueVnd) {

        Move plus(Move next) {
            return new Move(counts.plus(next.counts), confirmedRevenueVnd + next.confirmedRevenueVnd);
        }
    }

    /** A placed line for the overlay's ticker; written only if its item is on the board. */
    record Tick(Item item, long orderId, String orderCode, String buyerShownAs, long quantity, Instant placedAt) {
    }

    /** The cooperative of each session looked up in this transaction; absent value: the session is not known here. */
    private final Map<Long, Long> cooperatives = new HashMap<>();
    private final SortedMap<Item, Move> moves = new TreeMap<>();
    private final List<Tick> ticks = new ArrayList<>();

    boolean knowsSession(long sessionId) {
        return cooperatives.containsKey(sessionId);
    }

    Long cooperativeOf(long sessionId) {
        return cooperatives.get(sessionId);
    }

    void sessionOf(long sessionId, Long cooperativeId) {
        cooperatives.put(sessionId, cooperativeId);
    }

    /** One order line's move; a placed line also goes on the ticker. */
    void move(OrderData order, OrderData.OrderLineData line, BoardMove move) {
        Item item = new Item(order.sessionId(), line.itemId());
        moves.merge(item, new Move(move, move.confirmed() * line.unitPriceVnd()), Move::plus);
        if (move.ordered() > 0) {
            ticks.add(new Tick(item, order.orderId(), order.code(), order.buyerShownAs(), line.quantity(),
                    order.placedAt() == null ? Instant.now() : order.placedAt()));
        }
    }

    SortedMap<Item, Move> moves() {
        return moves;
    }

    List<Tick> ticks() {
        return ticks;
    }

    void clear() {
        moves.clear();
        ticks.clear();
    }
}
