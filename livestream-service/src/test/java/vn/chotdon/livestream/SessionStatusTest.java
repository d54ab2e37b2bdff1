package vn.chotdon.livestream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStatusTest {

    @ParameterizedTest
    @EnumSource(SessionStatus.class)
    void onlyTheFourLegalTransitionsExist(SessionStatus from) {
        Set<SessionStatus> legal = switch (from) {
            case SCHEDULED -> EnumSet.of(SessionStatus.LIVE, SessionStatus.CANCELLED);
            case LIVE -> EnumSet.of(SessionStatus.ENDED);
            case ENDED, CANCELLED -> EnumSet.noneOf(SessionStatus.class);
        };
        for (SessionStatus to : SessionStatus.values()) {
            assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(legal.contains(to));
        }
    }

    @ParameterizedTest
    @EnumSource(SessionStatus.class)
    void theLineupChangesOnlyBeforeTheSessionCloses(SessionStatus status) {
        assertThat(status.lineupEditable()).isEqualTo(status == SessionStatus.SCHEDULED || status == SessionStatus.LIVE);
    }
}
