package vn.chotdon.order.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LineupCopiesTest {

    private static final long SECOND = 1_000_000_000L;

    private final LineupCopies copies = new LineupCopies(SECOND);

    @Test
    void aCopyIsUsedWhileYoungerThanTheMaximumAgeAndReadAfterTheLastChange() {
        copies.keep(lineup(5, 10 * SECOND));

        assertThat(copies.current(5, 10 * SECOND + SECOND / 2)).isPresent();
        assertThat(copies.current(5, 11 * SECOND + 1)).as("older than the maximum age").isEmpty();

        copies.keep(lineup(5, 20 * SECOND));
        copies.changed(5, 20 * SECOND + 1);
        copies.keep(lineup(5, 20 * SECOND));
        assertThat(copies.current(5, 20 * SECOND + 2)).as("read before the change committed").isEmpty();
        copies.keep(lineup(5, 20 * SECOND + 3));
        assertThat(copies.current(5, 20 * SECOND + 4)).isPresent();
    }

    @Test
    void copiesAndChangesOlderThanTheMaximumAgeAreDroppedSoSessionsDoNotPileUp() {
        for (long session = 1; session <= 1_000; session++) {
            copies.keep(lineup(session, 10 * SECOND));
            copies.changed(session + 10_000, 10 * SECOND);
        }
        copies.keep(lineup(2_000, 12 * SECOND));
        copies.changed(3_000, 12 * SECOND);

        copies.prune(12 * SECOND + SECOND / 2);

        assertThat(copies.size()).as("the last moment's copy and change only").isEqualTo(2);
        assertThat(copies.current(2_000, 12 * SECOND + SECOND / 2)).isPresent();
    }

    @Test
    void unitsGivenBackFindTheSessionsWhoseCopiesHoldTheItem() {
        copies.keep(lineup(5, SECOND));
        copies.keep(new LiveLineups.Lineup(6, 7, "LIVE", 30, false, 1, Map.of(), Map.of(), SECOND, SECOND));

        assertThat(copies.sessionsWithItem(12)).containsExactly(5L);
    }

    private static LiveLineups.Lineup lineup(long sessionId, long readAtNanos) {
        LiveLineups.Item item = new LiveLineups.Item(12, sessionId, "BG01", 112, "Bánh gio", 15000, null, 600, 0,
                false, 1);
        return new LiveLineups.Lineup(sessionId, 7, "LIVE", 30, false, 1, Map.of(12L, item), Map.of("BG01", item),
                readAtNanos, readAtNanos);
    }
}
