package vn.chotdon.order.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LineupCopyTest {

    private final LiveLineups.Item item = new LiveLineups.Item(12, 5, "BG01", 112, "Bánh gio", 15000, null, 600, 598,
            false, 3);
    private final LiveLineups.Lineup lineup = new LiveLineups.Lineup(5, 7, "LIVE", 30, false, 2, Map.of(12L, item),
            Map.of("BG01", item), 0, 0);

    @Test
    void codesAreFoundInAnyCase() {
        assertThat(lineup.item("bg01")).contains(item);
        assertThat(lineup.item("BG02")).isEmpty();
        assertThat(lineup.item(12)).contains(item);
    }

    @Test
    void whatRemainsIsNeverBelowZero() {
        assertThat(item.remaining()).isEqualTo(2);
        assertThat(new LiveLineups.Item(13, 5, "NL01", 113, "Nhãn", 30000, 2, 5, 7, false, 1).remaining()).isZero();
    }
}
