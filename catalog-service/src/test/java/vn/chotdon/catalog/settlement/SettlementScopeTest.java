package vn.chotdon.catalog.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.chotdon.platform.problem.ProblemException;

/** Days of a settlement range are days in Vietnam (UTC+7), both ends included. */
class SettlementScopeTest {

    @Test
    void aDayInVietnamStartsAt17UtcTheDayBefore() {
        SettlementScope december = SettlementScope.days(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));
        assertThat(december.start()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(december.end()).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
        SettlementScope oneDay = SettlementScope.days(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"));
        assertThat(oneDay.end()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
    }

    @Test
    void aRangeBackwardsMissingOrLongerThanAYearIsRefused() {
        LocalDate day = LocalDate.parse("2026-12-01");
        assertThatThrownBy(() -> SettlementScope.days(day, day.minusDays(1))).isInstanceOf(ProblemException.class)
                .hasMessageContaining("1 field is invalid");
        assertThatThrownBy(() -> SettlementScope.days(null, day)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SettlementScope.days(day, null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SettlementScope.days(day, day.plusDays(366))).isInstanceOf(ProblemException.class);
        assertThat(SettlementScope.days(day, day.plusDays(365)).isSession()).isFalse();
    }

    @Test
    void aSessionScopeSelectsBySessionAndAPayoutConditionIsNeverNull() {
        SettlementScope session = SettlementScope.session(5);
        assertThat(session.isSession()).isTrue();
        assertThat(session.entries()).isEqualTo("e.session_id = :session");
        assertThat(session.payouts()).startsWith("(p.session_id IS NOT NULL");
    }
}
