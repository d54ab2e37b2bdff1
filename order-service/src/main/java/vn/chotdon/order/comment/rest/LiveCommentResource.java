package vn.chotdon.order.comment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.buyer.BuyerSummary;
import vn.chotdon.order.buyer.service.BuyerRecords;
import vn.chotdon.order.comment.CommentState;
import vn.chotdon.order.comment.LiveComment;
import vn.chotdon.order.comment.service.BatchAnswer;
import vn.chotdon.order.comment.service.CommentBatch;
import vn.chotdon.order.comment.service.CommentIntake;
import vn.chotdon.order.comment.service.CommentReview;
import vn.chotdon.order.comment.service.CommentView;
import vn.chotdon.order.comment.service.ReviewDecision;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.platform.text.VietnamPhone;

/**
 * Live comments of a session: forwarded in batches (by the owner or staff of the session's
 * cooperative, or a forwarder with the service role), turned into orders when they are clear, and
 * otherwise left in the session's review queue for staff.
 */
@Path("/sessions/{sessionId}/comments")
@Tag(name = "Live comments", description = "Orders from live comments, and the review queue of those that need a person")
@Produces(MediaType.APPLICATION_JSON)
public class LiveCommentResource {

    static final String SESSION_ID = "The session's id (livestream-service's)";
    static final String NO_SESSION = "No such session in the caller's cooperative (another cooperative's session is not"
            + " found either), or order-service has not heard of it yet. `type`: " + Problem.TYPE_BASE + "not-found";

    private static final String BATCH = """
            {"comments": [
              {"platform": "TIKTOK", "platformCommentId": "7301234567890123456", "commenterName": "Chị Lan",
               "commenterId": "lan.dp.88", "text": "chốt BG01 x2 0912 345 678", "commentedAt": "2026-11-30T12:01:02Z"},
              {"platform": "TIKTOK", "platformCommentId": "7301234567890123457", "commenterName": "Cô Mai",
               "commenterId": "mai.99", "text": "BC02 x1", "commentedAt": "2026-11-30T12:01:05Z"},
              {"platform": "TIKTOK", "platformCommentId": "7301234567890123401", "commenterName": "Hoa Trần",
               "commenterId": "hoa.tran", "text": "bánh gio 3 cái sđt 0987.654.321", "commentedAt": "2026-11-30T12:00:40Z"}
            ]}""";
    private static final String BATCH_ANSWER = """
            {"sessionId": 5, "outcomes": [
              {"platform": "TIKTOK", "platformCommentId": "7301234567890123456", "commentId": 41, "outcome": "ORDERED",
               "orderCode": "K7M2Q9XA", "reasons": []},
              {"platform": "TIKTOK", "platformCommentId": "7301234567890123457", "commentId": 42,
               "outcome": "WAITING_FOR_REVIEW", "orderCode": null,
               "reasons": [{"code": "PHONE_MISSING", "message": "Bình luận chưa có số điện thoại"}]},
              {"platform": "TIKTOK", "platformCommentId": "7301234567890123401", "commentId": 37, "outcome": "DUPLICATE",
               "orderCode": null, "reasons": []}
            ]}""";
    private static final String EDIT_THEN_ACCEPT = """
            {"decision": "EDIT_THEN_ACCEPT", "lines": [{"code": "BC02", "quantity": 1}], "phone": "0987 654 321",
             "address": {"province": "Hà Nội", "commune": "Xã Đan Phượng", "detail": "Thôn Thượng Thôn, số 12"},
             "note": "Khách trả lời số điện thoại trên live"}""";
    private static final String DECIDED = """
            {"id": 42, "sessionId": 5, "platform": "TIKTOK", "platformCommentId": "7301234567890123457",
             "commenterName": "Cô Mai", "commenterId": "mai.99", "text": "BC02 x1", "commentedAt": "2026-11-30T12:01:05Z",
             "receivedAt": "2026-11-30T12:01:06.120Z", "state": "ACCEPTED", "lines": [{"code": "BC02", "quantity": 1}],
             "phone": null, "reasons": [{"code": "PHONE_MISSING", "message": "Bình luận chưa có số điện thoại"}],
             "orderCode": "Q4HN8TRC", "decidedBy": "staff-7", "decidedAt": "2026-11-30T12:03:40.512Z",
             "decisionNote": "Khách trả lời số điện thoại trên live"}""";

    private final CommentIntake intake;
    private final CommentReview review;
    private final BuyerRecords records;
    private final Caller caller;

    LiveCommentResource(CommentIntake intake, CommentReview review, BuyerRecords records, Caller caller) {
        this.intake = intake;
        this.review = review;
        this.records = records;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OWNER, Roles.STAFF, Roles.SERVICE })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "takeLiveComments", summary = "Take a batch of live comments",
            description = "Each comment is stored once per (session, platform, platformCommentId): one sent again (a"
                    + " forwarder resends) is a DUPLICATE and does nothing more, even when two batches carry it at the same"
                    + " moment. Each new comment is read against the session's lineup: a clear comment with a phone becomes"
                    + " an order through the same path as POST /orders (quotas, per-buyer limits), paid as the session's"
                    + " buyer policy says (`commentPaymentMethod`, COD unless set; a bank transfer for a buyer who must pay"
                    + " first), for the commenter's display name, delivered to the address of the phone's latest order in"
                    + " the cooperative. Everything else waits in the review queue with its reasons: unclear (the parser's"
                    + " reasons), no phone (PHONE_MISSING), no address known for the phone (ADDRESS_MISSING), the buyer"
                    + " already has a live order of that item in the session (REPEAT), the session's buyer policy reviews"
                    + " the buyer (BUYER_FLAGGED, BUYER_UNRELIABLE), or the order was refused (SOLD_OUT, BUYER_LIMIT, ...:"
                    + " outcome REFUSED). Chatter is IGNORED.")
    @APIResponse(responseCode = "200", description = "The outcome of every comment, in the batch's order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchAnswer.class),
                    examples = @ExampleObject(name = "outcomes", summary = "One comment ordered, one waiting, one resent",
                            value = BATCH_ANSWER)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all listed in `errors`: no comments or more than 500,"
            + " an unknown platform, a missing id, name, text or time), or a malformed body; nothing was stored. `type`: "
            + Problem.TYPE_BASE + "validation, " + Problem.TYPE_BASE + "malformed-json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_SESSION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the 256 KiB this service accepts; nothing"
            + " was read: send the comments in smaller batches. `type`: " + Problem.TYPE_BASE + "body-too-large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchAnswer take(
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @Valid @NotNull @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentBatch.class), examples = @ExampleObject(name = "batch",
                            summary = "Three comments off a TikTok live", value = BATCH))) CommentBatch batch) {
        return intake.take(sessionId, caller.cooperativeScope(), batch);
    }

    @GET
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "listLiveComments", summary = "List a session's live comments, e.g. its review queue",
            description = "Oldest first. `state=WAITING` is the review queue. Owners see phones whole; staff see them masked."
                    + " Each comment with a phone carries its buyer's record in the cooperative (`buyer`).")
    @APIResponse(responseCode = "200", description = "One page of comments")
    @APIResponse(responseCode = "404", description = NO_SESSION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<CommentView> list(
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @QueryParam("state") @Parameter(description = "Only comments in this state", example = "WAITING")
            CommentState state,
            @Valid @BeanParam PageParams paging) {
        var found = review.list(sessionId, caller.cooperativeScope(), state, paging.page, paging.size);
        // The session's comments are one cooperative's: their buyers' summaries in one read.
        Map<String, BuyerSummary> buyers = found.items().isEmpty() ? Map.of()
                : records.summaries(found.items().get(0).cooperativeId,
                        found.items().stream().map(c -> c.phone).filter(Objects::nonNull).toList());
        return PageOf.of(found.items(), paging.page, paging.size, found.total(),
                comment -> view(comment, buyers.get(comment.phone)));
    }

    @POST
    @Path("/{commentId}/decision")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideLiveComment", summary = "Decide a comment of the review queue",
            description = "ACCEPT orders what was understood; EDIT_THEN_ACCEPT orders the lines and phone given; REJECT"
                    + " orders nothing. An accepted comment's order goes through the same path as POST /orders, paid as the"
                    + " session's buyer policy says for comments (COD unless set; a transfer for a buyer who must pay first)."
                    + " The"
                    + " decision is kept with who took it (the token's subject) and when, and is taken once.")
    @APIResponse(responseCode = "200", description = "The comment, ACCEPTED (with its `orderCode`) or REJECTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class),
                    examples = @ExampleObject(name = "accepted", summary = "Accepted after staff added the phone",
                            value = DECIDED)))
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed in `errors`. `type`: "
            + Problem.TYPE_BASE + "validation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session or comment in the caller's cooperative. `type`: "
            + Problem.TYPE_BASE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nothing changed: the comment was decided already (`currentState`;"
            + " `type`: " + Problem.TYPE_BASE + "comment-already-decided), or the order was refused as POST /orders"
            + " refuses it (sold-out, buyer-limit, held-units-cap, session-not-live)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Nothing to order as parsed (no lines or no phone; `type`: "
            + Problem.TYPE_BASE + "nothing-to-order), no address known (`type`: " + Problem.TYPE_BASE
            + "address-required) or an item not on the lineup (`type`: " + Problem.TYPE_BASE + "unknown-item)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommentView decide(
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @PathParam("commentId") @Parameter(description = "The stored comment's id", example = "41") long commentId,
            @Valid @NotNull @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReviewDecision.class), examples = {
                        @ExampleObject(name = "accept", summary = "Order the lines and phone as understood",
                                value = "{\"decision\": \"ACCEPT\", \"note\": \"Khách xác nhận lấy thêm\"}"),
                        @ExampleObject(name = "editThenAccept", summary = "Order what staff give, with the address",
                                value = EDIT_THEN_ACCEPT),
                        @ExampleObject(name = "reject", summary = "Order nothing",
                                value = "{\"decision\": \"REJECT\", \"note\": \"Khách hỏi giá, không đặt\"}") }))
            ReviewDecision decision) {
        LiveComment decided = review.decide(sessionId, commentId, caller.cooperativeScope(), decision, caller.subject());
        return view(decided, decided.phone == null ? null : records.summary(decided.cooperativeId, decided.phone));
    }

    /** Owners see the phone whole, staff masked, as with orders; both see the buyer's record. */
    private CommentView view(LiveComment c, BuyerSummary buyer) {
        String phone = c.phone == null || caller.is(Roles.OWNER) ? c.phone : VietnamPhone.masked(c.phone);
        return new CommentView(c.id, c.sessionId, c.platform, c.platformCommentId, c.commenterName, c.commenterId, c.text,
                c.commentedAt, c.receivedAt, c.state, review.lines(c), phone, review.reasons(c), c.orderCode, c.decidedBy,
                c.decidedAt, c.decisionNote, buyer);
    }
}
