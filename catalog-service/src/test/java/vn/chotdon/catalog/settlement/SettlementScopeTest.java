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
        SettlementScope december = SettlementScope.days(LocalDate.parse("2026-12-01"), 31);
        assertThat(december.to()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(december.start()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(december.end()).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
        SettlementScope oneDay = SettlementScope.days(LocalDate.parse("2026-12-01"), 1);
        assertThat(oneDay.to()).isEqualTo(oneDay.from());
        assertThat(oneDay.end()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
    }

    @Test
    void aRangeOfNoDaysMoreThanAYearOrOutsideTheYearsIsRefused() {
        LocalDate day = LocalDate.parse("2026-12-01");
        assertThatThrownBy(() -> SettlementScope.days(day, 0)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("1 field is invalid");
        assertThatThrownBy(() -> SettlementScope.days(day, 367)).isInstanceOf(ProblemException.class);
        assertThat(SettlementScope.days(day, 366).to()).isEqualTo(LocalDate.parse("2027-12-01"));
        assertThatThrownBy(() -> SettlementScope.days(LocalDate.MAX, 1)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SettlementScope.days(LocalDate.parse("1999-12-31"), 2))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aSessionScopeSelectsBySessionAndAPayoutConditionIsNeverNull() {
        SettlementScope session = SettlementScope.session(5);
        assertThat(session.isSession()).isTrue();
        assertThat(session.entries()).isEqualTo("e.session_id = :session");
        assertThat(session.payouts()).startsWith("(p.session_id IS NOT NULL");
    }
}
