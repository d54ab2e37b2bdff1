package vn.chotdon.livestream.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.livestream.client.Catalog;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnameseText;

/** Planning sessions and moving them through SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);
    private static final int CLOSE_ATTEMPTS = 3;
    private static final int EARLIEST_YEAR = 2000;
    private static final int LATEST_YEAR = 9999;

    private final Sessions sessions;
    private final LivestreamEvents events;
    private final Catalog catalog;
    private final EntityManager em;
    private final BoardVersions boardVersions;

    SessionService(Sessions sessions, LivestreamEvents events, Catalog catalog, EntityManager em,
            BoardVersions boardVersions) {
        this.sessions = sessions;
        this.events = events;
        this.catalog = catalog;
        this.em = em;
        this.boardVersions = boardVersions;
    }

    /** Filters of the session listing; null means any. {@code from} inclusive, {@code to} exclusive, on the scheduled start. */
    public record SessionQuery(Long cooperativeId, SessionStatus status, OffsetDateTime from, OffsetDateTime to) {
    }

    public record SessionPage(List<SaleSession> items, long total) {
    }

    /** What a closing session keeps reserved in catalog-service for one item. */
    record Settlement(long itemId, long productId, long quota) {
    }

    /**
     * Plans a session for the cooperative the draft names, which must be the caller's own when the
     * caller is bound to one: another cooperative gets the same 422 as one that does not exist.
     */
    @Transactional
    public SaleSession create(SessionDraft draft, Long cooperativeScope) {
        if (cooperativeScope != null && !cooperativeScope.equals(draft.cooperativeId())) {
            throw ProblemException.invalidReference("cooperativeId", "must be your own cooperative");
        }
        SaleSession session = new SaleSession();
        session.cooperativeId = draft.cooperativeId();
        apply(session, draft.details());
        session.persistAndFlush();
        boardVersions.start(session.id);
        events.session(LivestreamEventTypes.SESSION_SCHEDULED, session);
        return session;
    }

    public SaleSession get(long id) {
        return sessions.get(id);
    }

    @Transactional
    public SaleSession update(long id, Long cooperativeScope, SessionDetails details) {
        SaleSession session = sessions.lock(id, cooperativeScope);
        if (!session.status.lineupEditable()) {
            throw ProblemException.conflict("session-closed", "Session is closed",
                    "Session " + id + " is " + session.status + "; its details can no longer change")
                    .with("currentStatus", session.status.name());
        }
        apply(session, details);
        session.flush();
        events.session(LivestreamEventTypes.SESSION_UPDATED, session);
        boardVersions.bump(id);
        return session;
    }

    @Transactional
    public SessionPage list(SessionQuery query, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.cooperativeId() != null) {
            where.add("cooperativeId = :cooperativeId");
            params.and("cooperativeId", query.cooperativeId());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.and("status", query.status());
        }
        if (query.from() != null) {
            where.add("scheduledStart >= :from");
            params.and("from", query.from().toInstant());
        }
        if (query.to() != null) {
            where.add("scheduledStart < :to");
            params.and("to", query.to().toInstant());
        }
        String filter = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = SaleSession.find(filter, Sort.by("scheduledStart").and("id"), params).page(Page.of(page, size));
        return new SessionPage(found.list(), found.count());
    }

    /** SCHEDULED → LIVE: order-service starts taking orders when it reads the event. */
    @Transactional
    public SaleSession start(long id, Long cooperativeScope) {
        SaleSession session = sessions.lock(id, cooperativeScope);
        if (!session.status.canBecome(SessionStatus.LIVE)) {
            throw Sessions.illegalTransition(session, SessionStatus.LIVE);
        }
        session.status = SessionStatus.LIVE;
        session.startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        session.flush();
        events.session(LivestreamEventTypes.SESSION_OPENED, session);
        boardVersions.bump(id);
        return session;
    }

    /**
     * LIVE → ENDED: catalog-service closes each item's reservation, keeping only the units its
     * orders sold or still hold (catalog counts them itself from the order events).
     */
    public SaleSession end(long id, Long cooperativeScope) {
        return close(id, cooperativeScope, SessionStatus.ENDED);
    }

    /** SCHEDULED → CANCELLED: every reservation goes back to catalog-service. */
    public SaleSession cancel(long id, Long cooperativeScope) {
        return close(id, cooperativeScope, SessionStatus.CANCELLED);
    }

    /**
     * Settles the reservations in catalog-service first, then commits the status change. If
     * catalog fails half way, the reservations already changed are set back to the quotas and the
     * session stays as it was. If items joined the lineup meanwhile, it settles again. The session
     * is found within the caller's cooperative before catalog-service is called at all.
     */
    private SaleSession close(long id, Long cooperativeScope, SessionStatus target) {
        for (int attempt = 1; attempt <= CLOSE_ATTEMPTS; attempt++) {
            List<Settlement> plan = QuarkusTransaction.requiringNew().call(() -> settlements(id, cooperativeScope, target));
            settle(id, plan, target);
            Optional<SaleSession> closed = QuarkusTransaction.requiringNew()
                    .call(() -> commitClose(id, cooperativeScope, target, plan));
            if (closed.isPresent()) {
                return closed.get();
            }
        }
        throw ProblemException.conflict("concurrent-modification", "Changed by someone else",
                "The lineup of session " + id + " kept changing while it was closing; try again");
    }

    private List<Settlement> settlements(long id, Long cooperativeScope, SessionStatus target) {
        SaleSession session = sessions.get(id, cooperativeScope);
        if (!session.status.canBecome(target)) {
            throw Sessions.illegalTransition(session, target);
        }
        List<Settlement> plan = new ArrayList<>();
        for (Object[] row : itemRows(id)) {
            plan.add(new Settlement(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()));
        }
        return plan;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> itemRows(long sessionId) {
        return em.createNativeQuery("SELECT id, product_id, quota FROM lineup_item WHERE session_id = ?1 ORDER BY id")
                .setParameter(1, sessionId).getResultList();
    }

    private void settle(long sessionId, List<Settlement> plan, SessionStatus target) {
        List<Settlement> done = new ArrayList<>();
        try {
            for (Settlement s : plan) {
                if (target == SessionStatus.ENDED) {
                    catalog.close(s.productId(), sessionId);
                } else {
                    catalog.release(s.productId(), sessionId);
                }
                done.add(s);
            }
        } catch (RuntimeException e) {
            for (Settlement s : done) {
                try {
                    catalog.reserve(s.productId(), sessionId, s.quota());
                } catch (RuntimeException again) {
                    LOG.errorf("Session %d stays open but catalog-service could not set product %d's reservation back"
                            + " to %d: %s", sessionId, s.productId(), s.quota(), again.toString());
                }
            }
            throw e;
        }
    }

    private Optional<SaleSession> commitClose(long id, Long cooperativeScope, SessionStatus target,
            List<Settlement> plan) {
        SaleSession session = sessions.lock(id, cooperativeScope);
        if (!session.status.canBecome(target)) {
            throw Sessions.illegalTransition(session, target);
        }
        List<Long> settled = plan.stream().map(Settlement::itemId).toList();
        List<Long> now = itemRows(id).stream().map(row -> ((Number) row[0]).longValue()).toList();
        if (!settled.equals(now)) {
            return Optional.empty();
        }
        session.status = target;
        if (target == SessionStatus.ENDED) {
            session.endedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        session.flush();
        events.session(target == SessionStatus.ENDED ? LivestreamEventTypes.SESSION_ENDED
                : LivestreamEventTypes.SESSION_CANCELLED, session);
        boardVersions.bump(id);
        return Optional.of(session);
    }

    private static void apply(SaleSession session, SessionDetails d) {
        int year = d.scheduledStart().withOffsetSameInstant(ZoneOffset.UTC).getYear();
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            throw ProblemException.invalid("scheduledStart", "must be between " + EARLIEST_YEAR + " and " + LATEST_YEAR);
        }
        session.title = VietnameseText.tidy(d.title());
        session.platform = d.platform();
        session.streamUrl = d.streamUrl();
        session.hostName = VietnameseText.tidy(d.hostName());
        session.scheduledStart = d.scheduledStart().toInstant().truncatedTo(ChronoUnit.MICROS);
        session.expectedMinutes = d.expectedMinutes();
        session.notes = VietnameseText.tidy(d.notes());
        session.holdMinutes = d.holdMinutes() == null ? SaleSession.DEFAULT_HOLD_MINUTES : d.holdMinutes();
        session.autoConfirmCod = Boolean.TRUE.equals(d.autoConfirmCod());
    }
}
