package vn.chotdon.order.buyer.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.BuyerTreatment;
import vn.chotdon.order.config.BuyerSettings;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * The sessions' buyer policies, and the in-memory copy placement reads them from: at most
 * {@code chotdon.buyers.policy-max-age} old (per instance; dropped at once on the instance that
 * changes it), so an order reads no row for its session's policy.
 */
@ApplicationScoped
public class SessionBuyerPolicies {

    private final EntityManager em;
    private final Cache<Long, SessionBuyerPolicy> copies;

    SessionBuyerPolicies(EntityManager em, BuyerSettings settings) {
        this.em = em;
        this.copies = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(settings.policyMaxAge()).build();
    }

    /** The session's policy from this instance's copy. */
    public SessionBuyerPolicy of(long sessionId) {
        return copies.get(sessionId, id -> QuarkusTransaction.requiringNew().call(() -> read(id)));
    }

    /** The session's policy, for the people of its cooperative (another cooperative's session is not found). */
    public SessionBuyerPolicy get(long sessionId, Long scope) {
        return RetryOnDeadlock.inNewTransaction(() -> {
            session(sessionId, scope);
            return read(sessionId);
        });
    }

    /** Sets the session's whole policy: who is the caller, when is now. */
    public SessionBuyerPolicy set(long sessionId, BuyerTreatment flagged, BuyerTreatment unreliable,
            PaymentMethod commentPaymentMethod, String who, Long scope) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            return RetryOnDeadlock.inNewTransaction(() -> {
                SaleSession session = session(sessionId, scope);
                em.createNativeQuery("INSERT INTO session_buyer_policy (session_id, cooperative_id, flagged, unreliable,"
                        + " comment_payment_method, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " ON DUPLICATE KEY UPDATE flagged = ?3, unreliable = ?4, comment_payment_method = ?5,"
                        + " set_by = ?6, set_at = ?7")
                        .setParameter(1, sessionId).setParameter(2, session.cooperativeId).setParameter(3, flagged.name())
                        .setParameter(4, unreliable.name()).setParameter(5, commentPaymentMethod.name())
                        .setParameter(6, who).setParameter(7, now).executeUpdate();
                return read(sessionId);
            });
        } finally {
            copies.invalidate(sessionId);
        }
    }

    private SessionBuyerPolicy read(long sessionId) {
        List<?> rows = em.createNativeQuery("SELECT flagged, unreliable, comment_payment_method, set_by, set_at"
                + " FROM session_buyer_policy WHERE session_id = ?1").setParameter(1, sessionId).getResultList();
        if (rows.isEmpty()) {
            return SessionBuyerPolicy.unset(sessionId);
        }
        Object[] row = (Object[]) rows.get(0);
        return new SessionBuyerPolicy(sessionId, BuyerTreatment.valueOf((String) row[0]),
                BuyerTreatment.valueOf((String) row[1]), PaymentMethod.valueOf((String) row[2]), (String) row[3],
                StoredInstant.of(row[4]));
    }

    /** The session as order-service knows it, in the caller's cooperative. */
    private SaleSession session(long sessionId, Long scope) {
        SaleSession session = em.find(SaleSession.class, sessionId);
        if (session == null || (scope != null && !session.cooperativeId.equals(scope))) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return session;
    }
}
