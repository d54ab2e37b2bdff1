package vn.chotdon.catalog.settlement;

import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;

/**
 * What a settlement report covers: one session's money (whenever it counted), or the money that
 * counted on a range of calendar days in Vietnam (Asia/Ho_Chi_Minh, UTC+7), both days included.
 * Money counts at the time of the order event that made it count or reversed it, so a return
 * after a period falls in the period when it came back.
 */
public record SettlementScope(Long sessionId, LocalDate from, LocalDate to) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A longer range is refused: a year of days is plenty for a settlement and keeps the query bounded. */
    public static final long MAX_DAYS = 366;

    public static SettlementScope session(long sessionId) {
        return new SettlementScope(sessionId, null, null);
    }

    /** @throws ProblemException 400 when a day is missing, {@code from} is after {@code to}, or the range is too long */
    public static SettlementScope days(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            String field = from == null ? "from" : "to";
            throw invalid(field, "must be a date such as 2026-12-01");
        }
        if (from.isAfter(to)) {
            throw invalid("to", "must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw invalid("to", "must be at most " + MAX_DAYS + " days after from");
        }
        return new SettlementScope(null, from, to);
    }

    public boolean isSession() {
        return sessionId != null;
    }

    /** The first instant of {@code from} in Vietnam. */
    public Instant start() {
        return from.atStartOfDay(VIETNAM).toInstant();
    }

    /** The first instant after {@code to} in Vietnam. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    /** SQL condition on settlement entries aliased {@code e}; bind with {@link #bind}. */
    public String entries() {
        return isSession() ? "e.session_id = :session" : "e.counted_at >= :start AND e.counted_at < :end";
    }

    /** SQL condition on payouts aliased {@code p} made for exactly this scope; never null, so NOT(...) works. */
    public String payouts() {
        return isSession() ? "(p.session_id IS NOT NULL AND p.session_id = :session)"
                : "(p.from_date IS NOT NULL AND p.from_date = :from AND p.to_date = :to)";
    }

    /** Binds the parameters that {@link #entries()} and {@link #payouts()} use, those the query has. */
    public Query bind(Query query, boolean entries, boolean payouts) {
        if (isSession()) {
            return query.setParameter("session", sessionId);
        }
        if (entries) {
            query.setParameter("start", start()).setParameter("end", end());
        }
        if (payouts) {
            query.setParameter("from", from).setParameter("to", to);
        }
        return query;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", "1 field is invalid",
                List.of(new Problem.FieldViolation(field, message)));
    }
}
