package vn.chotdon.simulation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventLagTest {

    private static final long MS = 1_000_000L;
    /** HdrHistogram keeps three significant digits. */
    private static final org.assertj.core.data.Offset<Double> HISTOGRAM_PRECISION = within(0.5);

    @Test
    void each_unit_counts_as_shown_from_the_first_view_that_holds_it() {
        Progress board = new Progress();
        board.saw(0, 0);
        board.saw(150 * MS, 2);
        board.saw(400 * MS, 5);
        List<EventLag.Committed> committed = List.of(new EventLag.Committed(100 * MS, 2),
                new EventLag.Committed(200 * MS, 1), new EventLag.Committed(300 * MS, 2));

        EventLag.Result lag = EventLag.of("board", committed, board);

        // 50 ms for the first order (shown at 150), 200 and 100 ms for the two shown at 400.
        assertThat(lag.orders()).isEqualTo(3);
        assertThat(lag.neverSeen()).isZero();
        assertThat(lag.lag().max()).isCloseTo(200.0, HISTOGRAM_PRECISION);
        assertThat(lag.lag().p50()).isCloseTo(100.0, HISTOGRAM_PRECISION);
    }

    @Test
    void units_the_view_never_reached_are_counted_apart_not_as_a_lag() {
        Progress ledger = new Progress();
        ledger.saw(50 * MS, 1);
        List<EventLag.Committed> committed = List.of(new EventLag.Committed(0, 1), new EventLag.Committed(10 * MS, 1));

        EventLag.Result lag = EventLag.of("ledger", committed, ledger);

        assertThat(lag.neverSeen()).isEqualTo(1);
        assertThat(lag.lag().count()).isEqualTo(1);
        assertThat(lag.lag().max()).isCloseTo(50.0, HISTOGRAM_PRECISION);
    }
}
