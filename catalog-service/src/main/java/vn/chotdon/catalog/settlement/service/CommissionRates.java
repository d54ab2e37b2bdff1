package vn.chotdon.catalog.settlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.catalog.service.CooperativeService;

/**
 * A cooperative's commission rate and its history. A new rate applies to money that counts from
 * the moment it is set; money counted before keeps the rate it counted at (each settlement entry
 * carries its rate), and so does its later reversal. A cooperative that never set one takes 0.
 */
@ApplicationScoped
public class CommissionRates {

    public record Rate(int basisPoints, Instant effectiveFrom, String setBy) {
    }

    /** The rate in force (null effectiveFrom and setBy when never set: 0) and every rate set, newest first. */
    public record RateHistory(long cooperativeId, Rate current, List<Rate> history) {
    }

    private final EntityManager em;
    private final CooperativeService cooperatives;

    CommissionRates(EntityManager em, CooperativeService cooperatives) {
        this.em = em;
        this.cooperatives = cooperatives;
    }

    @Transactional
    public RateHistory history(long cooperativeId, Long callerScope) {
        cooperatives.get(cooperativeId, callerScope);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT basis_points,"
                + " DATE_FORMAT(effective_from, '%Y-%m-%dT%H:%i:%s.%fZ'), set_by FROM commission_rate"
                + " WHERE cooperative_id = ?1 ORDER BY effective_from DESC, id DESC")
                .setParameter(1, cooperativeId).getResultList();
        List<Rate> history = rows.stream().map(r -> new Rate(((Number) r[0]).intValue(), Instant.parse((String) r[1]),
                (String) r[2])).toList();
        return new RateHistory(cooperativeId, history.isEmpty() ? new Rate(0, null, null) : history.get(0), history);
    }

    /** Sets the rate from now on, recording who set it. */
    @Transactional
    public RateHistory set(long cooperativeId, int basisPoints, String by, Long callerScope) {
        cooperatives.get(cooperativeId, callerScope);
        em.createNativeQuery("INSERT INTO commission_rate (cooperative_id, basis_points, effective_from, set_by)"
                + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, cooperativeId).setParameter(2, basisPoints)
                .setParameter(3, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(4, by).executeUpdate();
        return history(cooperativeId, callerScope);
    }
}
