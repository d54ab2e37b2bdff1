package vn.chotdon.order.comment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.chotdon.comments.CommentIntent;
import vn.chotdon.comments.CommentParser;
import vn.chotdon.comments.IntentStatus;
import vn.chotdon.order.buyer.service.BuyerScreening;
import vn.chotdon.order.buyer.service.BuyerVerdict;
import vn.chotdon.order.comment.CommentState;
import vn.chotdon.order.comment.service.CommentOutcome.Kind;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.order.service.Placement;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Stores a batch of live comments once each and decides each: an order, the review queue, or
 * nothing. A comment is stored by an INSERT IGNORE on (session, platform, comment id) committed on
 * its own, before anything else is done with it: of two batches carrying the same comment at the
 * same moment only one inserts it, and only that one goes on to place its order. The order itself
 * is placed by {@link CommentOrders}, in the hot path's own transaction. A comment of one line refused
 * as sold out joins the item's waitlist instead of the review queue. A comment whose request stopped
 * between storing it and recording its decision (a crash) is decided again by {@link CommentSweep}.
 */
@ApplicationScoped
public class CommentIntake {

    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final String SOLD_OUT = "SOLD_OUT";

    private final EntityManager em;
    private final LiveLineups lineups;
    private final CommentOrders orders;
    private final BuyerScreening screening;
    private final ObjectMapper json;

    CommentIntake(EntityManager em, LiveLineups lineups, CommentOrders orders, BuyerScreening screening,
            ObjectMapper json) {
        this.em = em;
        this.lineups = lineups;
        this.orders = orders;
        this.screening = screening;
        this.json = json;
    }

    /**
     * @param cooperativeScope the caller's cooperative, or null (the service role): another
     *                         cooperative's session is not found
     */
    public BatchAnswer take(long sessionId, Long cooperativeScope, CommentBatch batch) {
        LiveLineups.Lineup lineup = lineups.of(sessionId)
                .filter(found -> cooperativeScope == null || found.cooperativeId() == cooperativeScope)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId));
        refuseOddTimes(batch);
        CommentParser parser = parserFor(lineup);
        List<CommentOutcome> outcomes = new ArrayList<>();
        for (IncomingComment comment : batch.comments()) {
            outcomes.add(take(lineup, parser, comment));
        }
        return new BatchAnswer(sessionId, outcomes);
    }

    /** What the comments of this lineup are read against: its items still on it. */
    static CommentParser parserFor(LiveLineups.Lineup lineup) {
        return new CommentParser(new vn.chotdon.comments.Lineup(lineup.byCode().values().stream()
                .filter(item -> !item.removed())
                .map(item -> new vn.chotdon.comments.LineupItem(item.code(), item.productName())).toList()));
    }

    private CommentOutcome take(LiveLineups.Lineup lineup, CommentParser parser, IncomingComment comment) {
        Stored stored = RetryOnDeadlock.inNewTransaction(() -> store(lineup, comment));
        if (!stored.inserted()) {
            return outcome(comment, stored.id(), Kind.DUPLICATE, null, List.of());
        }
        return decide(lineup, parser, stored.id(), comment, false);
    }

    /**
     * Decides a comment left RECEIVED by a request that stopped after storing it. What that request
     * may already have done stands: the order placed under the comment's key, or its place in a
     * waitlist, is recorded as the comment's outcome rather than taken for a repeat.
     */
    CommentOutcome resume(LiveLineups.Lineup lineup, CommentParser parser, long commentId, IncomingComment comment) {
        return decide(lineup, parser, commentId, comment, true);
    }

    private CommentOutcome decide(LiveLineups.Lineup lineup, CommentParser parser, long commentId,
            IncomingComment comment, boolean resumed) {
        CommentIntent intent = parser.parse(comment.text());
        List<CommentLine> lines = intent.lines().stream().map(line -> new CommentLine(line.code(), line.quantity())).toList();
        String phone = intent.phoneE164().orElse(null);
        List<ReviewReason> reasons = new ArrayList<>(intent.reasons().stream()
                .map(reason -> new ReviewReason(reason.code().name(), reason.message())).toList());
        if (intent.status() == IntentStatus.IGNORED) {
            record(commentId, CommentState.IGNORED, lines, phone, reasons, null);
            return outcome(comment, commentId, Kind.IGNORED, null, reasons);
        }
        if (intent.status() == IntentStatus.CLEAR && intent.phoneMissing()) {
            reasons.add(ReviewReason.phoneMissing());
        }
        if (!intent.readyToOrder()) {
            return waiting(comment, commentId, Kind.WAITING_FOR_REVIEW, lines, phone, reasons);
        }
        // Staff see the buyer's reasons beside any other: a flagged buyer's comment waits whatever else it lacks.
        BuyerVerdict verdict = screening.verdict(lineup.sessionId(), lineup.cooperativeId(), phone);
        reasons.addAll(ReviewReason.of(verdict));
        if (resumed) {
            Optional<String> placedEarlier = orders.placedFor(lineup.sessionId(), comment.platform(),
                    comment.platformCommentId());
            if (placedEarlier.isPresent()) {
                record(commentId, CommentState.ORDERED, lines, phone, reasons, placedEarlier.get());
                return outcome(comment, commentId, Kind.ORDERED, placedEarlier.get(), reasons);
            }
            Optional<CommentOrders.InLine> inLine = orders.waitlisted(commentId);
            if (inLine.isPresent()) {
                reasons.add(ReviewReason.soldOutWhenFirstHandled());
                record(commentId, CommentState.WAITLISTED, lines, phone, reasons, inLine.get().orderCode());
                return outcome(comment, commentId, Kind.WAITLISTED, null, reasons);
            }
        }
        Optional<String> repeated = orders.alreadyOrdered(lineup.sessionId(), phone, lines);
        if (repeated.isPresent()) {
            reasons.add(ReviewReason.repeat(repeated.get()));
            return waiting(comment, commentId, Kind.WAITING_FOR_REVIEW, lines, phone, reasons);
        }
        Optional<PlaceOrder.Address> address = orders.knownAddress(lineup.cooperativeId(), phone);
        if (address.isEmpty()) {
            reasons.add(ReviewReason.addressMissing());
            return waiting(comment, commentId, Kind.WAITING_FOR_REVIEW, lines, phone, reasons);
        }
        if (verdict.review()) {
            return waiting(comment, commentId, Kind.WAITING_FOR_REVIEW, lines, phone, reasons);
        }
        try {
            Placement placed = orders.place(lineup.sessionId(), comment.platform(), comment.platformCommentId(),
                    comment.commenterName(), phone, lines, address.get(), verdict.commentPaymentMethod());
            record(commentId, CommentState.ORDERED, lines, phone, reasons, placed.orderCode());
            return outcome(comment, commentId, Kind.ORDERED, placed.orderCode(), reasons);
        } catch (ProblemException refused) {
            reasons.add(refusal(refused));
            // One sold-out line: the buyer waits in the item's line rather than in the review queue.
            if (reasons.get(reasons.size() - 1).code().equals(SOLD_OUT) && lines.size() == 1
                    && orders.joinWaitlist(lineup.sessionId(), commentId, comment.commenterName(), phone, lines.get(0),
                            address.get())) {
                record(commentId, CommentState.WAITLISTED, lines, phone, reasons, null);
                return outcome(comment, commentId, Kind.WAITLISTED, null, reasons);
            }
            return waiting(comment, commentId, Kind.REFUSED, lines, phone, reasons);
        }
    }

    /**
     * A time the database cannot keep (DATETIME: years 1000 to 9999) is refused with the rest of
     * the batch before anything is stored. Odd but storable times are kept as the platform sent them.
     */
    private static void refuseOddTimes(CommentBatch batch) {
        List<Problem.FieldViolation> odd = new ArrayList<>();
        for (int i = 0; i < batch.comments().size(); i++) {
            Instant at = batch.comments().get(i).commentedAt();
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                odd.add(new Problem.FieldViolation("comments[" + i + "].commentedAt",
                        "must be between years 1000 and 9999"));
            }
        }
        if (!odd.isEmpty()) {
            throw ProblemException.invalid(odd);
        }
    }

    /** The hot path's refusal as a reason: its problem type in upper case (sold-out: SOLD_OUT) and its detail. */
    static ReviewReason refusal(ProblemException refused) {
        Problem problem = refused.toProblem(null);
        String slug = problem.type.substring(problem.type.lastIndexOf('/') + 1);
        return new ReviewReason(slug.replace('-', '_').toUpperCase(Locale.ROOT), problem.detail);
    }

    private record Stored(long id, boolean inserted) {
    }

    private Stored store(LiveLineups.Lineup lineup, IncomingComment comment) {
        int inserted = em.createNativeQuery("INSERT IGNORE INTO live_comment (session_id, cooperative_id, platform,"
                + " platform_comment_id, commenter_name, commenter_id, text, commented_at, received_at, state)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, lineup.sessionId()).setParameter(2, lineup.cooperativeId())
                .setParameter(3, comment.platform().name()).setParameter(4, comment.platformCommentId())
                .setParameter(5, comment.commenterName()).setParameter(6, comment.commenterId())
                .setParameter(7, comment.text()).setParameter(8, comment.commentedAt().truncatedTo(ChronoUnit.MICROS))
                .setParameter(9, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter(10, CommentState.RECEIVED.name()).executeUpdate();
        Number id = (Number) em.createNativeQuery("SELECT id FROM live_comment WHERE session_id = ?1 AND platform = ?2"
                + " AND platform_comment_id = ?3")
                .setParameter(1, lineup.sessionId()).setParameter(2, comment.platform().name())
                .setParameter(3, comment.platformCommentId()).getSingleResult();
        return new Stored(id.longValue(), inserted == 1);
    }

    private CommentOutcome waiting(IncomingComment comment, long id, Kind kind, List<CommentLine> lines, String phone,
            List<ReviewReason> reasons) {
        record(id, CommentState.WAITING, lines, phone, reasons, null);
        return outcome(comment, id, kind, null, reasons);
    }

    private void record(long id, CommentState state, List<CommentLine> lines, String phone, List<ReviewReason> reasons,
            String orderCode) {
        String linesJson = write(lines);
        String reasonsJson = write(reasons);
        RetryOnDeadlock.inNewTransaction(() -> em.createNativeQuery("UPDATE live_comment SET state = ?1, lines_json = ?2,"
                + " phone = ?3, reasons_json = ?4, order_code = ?5 WHERE id = ?6 AND state = 'RECEIVED'")
                .setParameter(1, state.name()).setParameter(2, linesJson).setParameter(3, phone)
                .setParameter(4, reasonsJson).setParameter(5, orderCode).setParameter(6, id).executeUpdate());
    }

    private static CommentOutcome outcome(IncomingComment comment, long id, Kind kind, String orderCode,
            List<ReviewReason> reasons) {
        return new CommentOutcome(comment.platform(), comment.platformCommentId(), id, kind, orderCode, List.copyOf(reasons));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
