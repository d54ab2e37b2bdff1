package vn.chotdon.livestream.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bucket rule the board shares with order-service's tally. */
class BoardMoveTest {

    @ParameterizedTest
    @CsvSource({
            "PLACED,    5, 5, 0, 0",
            "CONFIRMED, 5, 0, 5, 0",
            "PAID,      5, 0, 5, 0",
            "CANCELLED, 5, 0, 0, 5",
            "EXPIRED,   5, 0, 0, 5" })
    void aPlacedOrderCountsAsOrderedAndInItsBucket(String status, long ordered, long held, long confirmed,
            long cancelled) {
        assertThat(BoardMove.of(status, null, 5)).isEqualTo(new BoardMove(ordered, held, confirmed, cancelled));
    }

    @ParameterizedTest
    @CsvSource({
            "PLACED,    CONFIRMED, 0, -3,  3,  0",
            "PLACED,    PAID,      0, -3,  3,  0",
            "PLACED,    CANCELLED, 0, -3,  0,  3",
            "PLACED,    EXPIRED,   0, -3,  0,  3",
            "CONFIRMED, CANCELLED, 0,  0, -3,  3",
            "PAID,      CANCELLED, 0,  0, -3,  3",
            "CANCELLED, PLACED,    0,  3,  0, -3",
            // An expired order revived by a transfer paid late: its units are sold again.
            "EXPIRED,   PAID,      0,  0,  3, -3" })
    void aChangeMovesUnitsBetweenBuckets(String from, String to, long ordered, long held, long confirmed,
            long cancelled) {
        assertThat(BoardMove.of(to, from, 3)).isEqualTo(new BoardMove(ordered, held, confirmed, cancelled));
    }

    @ParameterizedTest
    @CsvSource({ "CONFIRMED, PAID", "PAID, SHIPPED", "SHIPPED, DELIVERED", "CANCELLED, EXPIRED",
            // Goods that came back stay sold: the board moves nothing.
            "SHIPPED, RETURNED", "DELIVERED, RETURNED" })
    void aChangeWithinABucketMovesNothing(String from, String to) {
        assertThat(BoardMove.of(to, from, 3).isNone()).isTrue();
    }

    @Test
    void unknownStatusesMoveNothing() {
        assertThat(BoardMove.of("REFUNDED", null, 3)).isEqualTo(BoardMove.NONE);
        assertThat(BoardMove.of("REFUNDED", "PAID", 3)).isEqualTo(BoardMove.NONE);
        assertThat(BoardMove.of("CANCELLED", "ON_HOLD", 3)).isEqualTo(BoardMove.NONE);
    }

    @Test
    void aFullLifeLeavesOrderedAndOneBucket() {
        BoardMove placed = BoardMove.of("PLACED", null, 4);
        BoardMove confirmed = BoardMove.of("CONFIRMED", "PLACED", 4);
        BoardMove cancelled = BoardMove.of("CANCELLED", "CONFIRMED", 4);
        assertThat(placed.ordered()).isEqualTo(4);
        assertThat(placed.held() + confirmed.held() + cancelled.held()).isZero();
        assertThat(placed.confirmed() + confirmed.confirmed() + cancelled.confirmed()).isZero();
        assertThat(placed.cancelled() + confirmed.cancelled() + cancelled.cancelled()).isEqualTo(4);
    }
}
