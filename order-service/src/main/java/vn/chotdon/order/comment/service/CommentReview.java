package vn.chotdon.order.comment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.service.BuyerScreening;
import vn.chotdon.order.comment.CommentState;
import vn.chotdon.order.comment.LiveComment;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.order.service.Placement;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnamPhone;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * The per-session review queue. Each comment is decided once: the decision's transaction locks the
 * comment's row and goes on only while it is WAITING, so a second decision (at the same moment or
 * later) waits, then finds it decided (409). An accepted comment's order is placed through the hot
 * path, with the comment's own Idempotency-Key, while the row is locked.
 */
@ApplicationScoped
public class CommentReview {

    private static final TypeReference<List<CommentLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<ReviewReason>> REASONS = new TypeReference<>() {
    };

    /** A page of comments and how many there are in all. */
    public record Found(List<LiveComment> items, long total) {
    }

    private final EntityManager em;
    private final CommentOrders orders;
    private final BuyerScreening screening;
    private final ObjectMapper json;

    CommentReview(EntityManager em, CommentOrders orders, BuyerScreening screening, ObjectMapper json) {
        this.em = em;
        this.orders = orders;
        this.screening = screening;
        this.json = json;
    }

    /** The session's comments in this state (all when null), oldest first. */
    public Found list(long sessionId, Long cooperativeScope, CommentState state, int page, int size) {
        session(sessionId, cooperativeScope);
        String where = " where c.sessionId = :session" + (state == null ? "" : " and c.state = :state");
        var items = em.createQuery("select c from LiveComment c" + where + " order by c.id", LiveComment.class)
                .setParameter("session", sessionId);
        var count = em.createQuery("select count(c) from LiveComment c" + where, Long.class)
                .setParameter("session", sessionId);
        if (state != null) {
            items.setParameter("state", state);
            count.setParameter("state", state);
        }
        return new Found(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
    }

    /**
     * @throws ProblemException 404 no such comment in the caller's cooperative's session; 409 decided
     *                          already, or the hot path refused the order; 422 nothing to order
     */
    public LiveComment decide(long sessionId, long commentId, Long cooperativeScope, ReviewDecision decision, String who) {
        session(sessionId, cooperativeScope);
        return RetryOnDeadlock.inNewTransaction(() -> {
            List<?> rows = em.createNativeQuery("SELECT state FROM live_comment WHERE id = ?1 AND session_id = ?2 FOR UPDATE")
                    .setParameter(1, commentId).setParameter(2, sessionId).getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Live comment", commentId);
            }
            String state = String.valueOf(rows.get(0));
            if (!CommentState.WAITING.name().equals(state)) {
                throw ProblemException.conflict("comment-already-decided", "Already decided",
                        "Live comment " + commentId + " is " + state + "; only a WAITING comment is decided, once")
                        .with("currentState", state);
            }
            LiveComment comment = em.find(LiveComment.class, commentId);
            String orderCode = null;
            CommentState decided = CommentState.REJECTED;
            if (decision.decision() != ReviewDecision.Kind.REJECT) {
                orderCode = accept(comment, decision).orderCode();
                decided = CommentState.ACCEPTED;
            }
            em.createNativeQuery("UPDATE live_comment SET state = ?1, order_code = ?2, decided_by = ?3, decided_at = ?4,"
                    + " decision_note = ?5 WHERE id = ?6")
                    .setParameter(1, decided.name()).setParameter(2, orderCode).setParameter(3, who)
                    .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(5, decision.note())
                    .setParameter(6, commentId).executeUpdate();
            em.refresh(comment);
            return comment;
        });
    }

    private Placement accept(LiveComment comment, ReviewDecision decision) {
        boolean edited = decision.decision() == ReviewDecision.Kind.EDIT_THEN_ACCEPT;
        List<CommentLine> lines = edited ? decision.lines() : lines(comment);
        String phone = edited ? decision.phone() : comment.phone;
        if (lines == null || lines.isEmpty()) {
            throw nothingToOrder("lines", edited ? "give the lines to order" : "nothing was understood to order;"
                    + " use EDIT_THEN_ACCEPT with the lines");
        }
        if (phone == null) {
            throw nothingToOrder("phone", edited ? "give the buyer's phone" : "the comment has no phone;"
                    + " use EDIT_THEN_ACCEPT with the phone");
        }
        String normalised = VietnamPhone.normalise(phone).orElseThrow();
        PlaceOrder.Address address = decision.address() != null ? decision.address()
                : orders.knownAddress(comment.cooperativeId, normalised).orElseThrow(() -> new ProblemException(422,
                        "address-required", "Address required", "No order of " + VietnamPhone.masked(normalised)
                                + " in this cooperative gives an address; send `address` with the decision",
                        List.of(new Problem.FieldViolation("address", "is required: no address is known for this phone"))));
        // Staff decided: the order is not held for review again, but a buyer who must pay first pays by transfer.
        PaymentMethod paymentMethod = screening.verdict(comment.sessionId, comment.cooperativeId, normalised)
                .commentPaymentMethod();
        return orders.place(comment.sessionId, comment.platform, comment.platformCommentId, comment.commenterName,
                normalised, lines, address, paymentMethod);
    }

    private static ProblemException nothingToOrder(String field, String message) {
        return new ProblemException(422, "nothing-to-order", "Nothing to order", message,
                List.of(new Problem.FieldViolation(field, message)));
    }

    private void session(long sessionId, Long cooperativeScope) {
        SaleSession session = em.find(SaleSession.class, sessionId);
        if (session == null || (cooperativeScope != null && !session.cooperativeId.equals(cooperativeScope))) {
            throw ProblemException.notFound("Session", sessionId);
        }
    }

    public List<CommentLine> lines(LiveComment comment) {
        return read(comment.linesJson, LINES);
    }

    public List<ReviewReason> reasons(LiveComment comment) {
        return read(comment.reasonsJson, REASONS);
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored live comment's JSON cannot be read", e);
        }
    }
}
