package vn.chotdon.livestream;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * Live board counters of one lineup item. Created with the item; afterwards changed only by the
 * atomic {@code UPDATE ... SET x = x + ?} statements of the order-event consumer.
 */
@Entity
@Immutable
@Table(name = "board_item")
public class BoardItem extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "session_id", nullable = false)
    public Long sessionId;

    /** Units in every order ever placed for the item. */
    @Column(nullable = false)
    public long ordered;

    /** Units of orders placed and not yet confirmed, paid or given up. */
    @Column(nullable = false)
    public long held;

    /** Units of orders confirmed, paid, shipped or delivered. */
    @Column(nullable = false)
    public long confirmed;

    /** Units of orders cancelled or expired: back in the quota. */
    @Column(nullable = false)
    public long cancelled;

    @Column(name = "confirmed_revenue_vnd", nullable = false)
    public long confirmedRevenueVnd;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static BoardItem emptyFor(LineupItem item) {
        BoardItem board = new BoardItem();
        board.itemId = item.id;
        board.sessionId = item.sessionId;
        board.updatedAt = item.updatedAt;
        return board;
    }
}
