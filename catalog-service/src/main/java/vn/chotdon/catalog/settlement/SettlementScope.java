package vn.chotdon.catalog.settlement;

import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
    public static final int MAX_DAYS = 366;
    /** Days outside these years hold no settlement and are refused (the database's DATETIME ends in 9999). */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9998, 12, 31);

    public static SettlementScope session(long sessionId) {
        return new SettlementScope(sessionId, null, null);
    }

    /**
     * {@code days} days from {@code from}: a range given by its length, so that every range the
     * parameters' own limits allow is a range (no "to before from").
     *
     * @throws ProblemException 400 when {@code from} is outside the years 2000 to 9998 or {@code days} outside 1 to 366
     */
    public static SettlementScope days(LocalDate from, int days) {
        if (from.isBefore(FIRST_DAY) || from.isAfter(LAST_DAY)) {
            throw invalid("from", "must be a day from " + FIRST_DAY + " to " + LAST_DAY);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw invalid("days", "must be from 1 to " + MAX_DAYS);
        }
        return new SettlementScope(null, from, from.plusDays(days - 1));
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
        return ProblemException.invalid(field, message);
    }
}
