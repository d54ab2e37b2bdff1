package vn.chotdon.order.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.chotdon.order.Order;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.address.Provinces;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.order.readmodel.LiveLineups.Item;
import vn.chotdon.order.readmodel.LiveLineups.Lineup;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.service.NewOrders.Want;
import vn.chotdon.order.transfer.PayeeAccount;
import vn.chotdon.order.view.OrderReceipt;
import vn.chotdon.order.view.OrderView;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnamPhone;
import vn.chotdon.platform.text.VietnameseText;
import vn.chotdon.platform.tx.PlainSql;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * The hot path: places an order using only order-service's own database, in one transaction that
 * takes the Idempotency-Key, checks the session, takes the per-buyer limits and the held-units
 * cap with conditional UPDATEs, inserts the order, its lines and its event (outbox), takes the
 * quota and stores the answer. The busy item rows are locked last, so each order holds them only
 * for the moment before commit. The transaction reads the session's status under a shared lock:
 * the read-model update that ends a session takes the row's exclusive lock, so no order commits
 * once the end is applied.
 *
 * <p>Nothing but an accepted order is stored with its key. A refusal decided before any work (from
 * the in-memory copy of the lineup, {@link LiveLineups}, or the memory of sold-out items) costs no
 * write: a read of the key first, so that a retry of an order placed earlier still gets its receipt,
 * gathered with the reads of the other refusals of the moment ({@link StoredAnswerReads}). A refusal
 * decided inside the transaction (the quota, a limit, the session just ended) rolls everything back,
 * the key included. Either way nothing was done and nothing is kept, and a retry with the same key is
 * decided again.
 *
 * <p>A request let through claims its units ({@link UnitsInFlight}) until its transaction commits
 * or it ends; a request for an item whose units left are all claimed by requests still running is
 * refused before any work, as sold out, and says how many are being ordered.
 */
@ApplicationScoped
public class OrderPlacement {

    /** A request as it arrives: refused before any work, or let through holding its claim on units. */
    public sealed interface Arrival {

        /** Answer it with {@link OrderPlacement#answerRefused}. */
        record Refused(ProblemException refusal) implements Arrival {
        }

        /** Place it with {@link OrderPlacement#place(PlaceOrder, String, Screening, UnitsInFlight.Claim)}. */
        record LetThrough(UnitsInFlight.Claim claim) implements Arrival {
        }
    }

    /** The in-memory copy was older than the database's row: read it again and place again. */
    private static final class CopyOutOfDate extends RuntimeException {
        CopyOutOfDate() {
            super("the in-memory copy of the lineup is out of date", null, false, false);
        }
    }

    /** Tries for a fresh order code (a collision is unlikely) or a fresh copy of the lineup. */
    private static final int ATTEMPTS = 4;
    /**
     * Runs after losing a deadlock over the key: when a transaction holding a key rolls back, the
     * requests that waited on it deadlock, and one goes on each time; so as many as the requests
     * sent with one key at once, with room to spare.
     */
    private static final int KEY_CONTENTIONS = 200;

    /**
     * The session's status read under a shared lock, in the transaction that writes the order. The
     * read-model update that ends the session waits for this transaction, and a transaction that
     * comes after that update reads the session ended. Plain SQL: nothing is pending in the session
     * here for a flush to write first.
     */
    private static final String SESSION_STATUS = "SELECT status, version FROM sale_session WHERE session_id = ?"
            + " LOCK IN SHARE MODE";

    private final EntityManager em;
    private final IdempotencyKeys keys;
    private final SoldOutMemory soldOut;
    private final LiveLineups lineups;
    private final ObjectMapper json;
    private final ReceivingAccounts accounts;
    private final NewOrders newOrders;
    private final PlainSql sql;
    private final UnitsInFlight inFlight;
    private final TransactionSynchronizationRegistry transactions;

    OrderPlacement(EntityManager em, IdempotencyKeys keys, SoldOutMemory soldOut, LiveLineups lineups, ObjectMapper json,
            ReceivingAccounts accounts, NewOrders newOrders, PlainSql sql, UnitsInFlight inFlight,
            TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.keys = keys;
        this.soldOut = soldOut;
        this.lineups = lineups;
        this.json = json;
        this.accounts = accounts;
        this.newOrders = newOrders;
        this.sql = sql;
        this.inFlight = inFlight;
        this.transactions = transactions;
    }

    /**
     * @param rawIdempotencyKey the client's Idempotency-Key, or null for none
     * @return the order placed, or the one placed earlier with this key and body
     * @throws ProblemException a refusal (sold out, a limit, session not live, unknown item, the key
     *                          used for another body); nothing was stored
     */
    public Placement place(PlaceOrder request, String rawIdempotencyKey) {
        return place(request, rawIdempotencyKey, Screening.NONE);
    }

    /**
     * @param screening the buyer's screening by the session's policy, run with the refusals decided
     *                  before any work (so a retry of an order placed earlier still gets its receipt)
     * @see #place(PlaceOrder, String)
     */
    public Placement place(PlaceOrder request, String rawIdempotencyKey, Screening screening) {
        return place(request, rawIdempotencyKey, screening, Optional.empty());
    }

    /**
     * A buyer's tap: it may be refused because the units left are all being ordered.
     *
     * @param arrived the claim the tap was let through with ({@link #arrive}); closed here when
     *                placing ends, and made here if it holds no units
     * @see #place(PlaceOrder, String, Screening)
     */
    public Placement place(PlaceOrder request, String rawIdempotencyKey, Screening screening,
            UnitsInFlight.Claim arrived) {
        return place(request, rawIdempotencyKey, screening, Optional.of(arrived));
    }

    /**
     * Only a tap claims units and can be refused for units being ordered: an order from a live
     * comment, which nobody waits for on a screen, is decided by the database alone (and a refusal
     * there sends the buyer to the item's waitlist, which takes nobody while units are left).
     */
    private Placement place(PlaceOrder request, String rawIdempotencyKey, Screening screening,
            Optional<UnitsInFlight.Claim> tap) {
        String phone = VietnamPhone.normalise(request.phone()).orElseThrow();
        String province = Provinces.resolve(request.address().province()).orElseThrow();
        IdempotencyKey key = rawIdempotencyKey == null ? null : IdempotencyKey.of(rawIdempotencyKey);
        boolean readAgain = false;
        int contentions = 0;
        UnitsInFlight.Claim claim = tap.orElseGet(inFlight::none);
        try {
            for (int attempt = 1;; attempt++) {
                Lineup lineup;
                List<Want> wants;
                boolean heldForReview;
                try {
                    refusalFromMemory(request).ifPresent(refusal -> {
                        throw refusal;
                    });
                    lineup = liveLineup(request.sessionId(), readAgain);
                    wants = resolveItems(request, lineup);
                    wants.forEach(this::refuseIfSoldOut);
                    heldForReview = screening.holdForReview(lineup);
                    if (tap.isPresent() && !claim.holdsUnits()) {
                        claim = claimed(lineup, wants, rawIdempotencyKey);
                    }
                } catch (ProblemException refusal) {
                    // Refused before any work; an order placed earlier with the key is still its answer.
                    Optional<Placement> earlier = key == null ? Optional.empty() : replay(key, request);
                    return earlier.orElseThrow(() -> refusal);
                }
                try {
                    Lineup known = lineup;
                    List<Want> wanted = wants;
                    boolean held = heldForReview;
                    UnitsInFlight.Claim placing = claim;
                    // From this instance's copy, before the transaction: the order takes no lock for its account.
                    Optional<PayeeAccount> payee = request.paymentMethod() == PaymentMethod.BANK_TRANSFER
                            ? accounts.defaultFor(lineup.cooperativeId()) : Optional.empty();
                    // Hashed only here and in a replay: a refusal decided before any work never needs it.
                    String requestHash = key == null ? null : hash(request);
                    return RetryOnDeadlock.inNewTransaction(() -> {
                        followCommit(placing);
                        return placeInTransaction(request, key, requestHash, known, wanted, phone, province, payee,
                                held);
                    });
                } catch (IdempotencyKeys.KeyTaken taken) {
                    Optional<Placement> earlier = replay(key, request);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    // Deleted since (retention): place it as a new one.
                } catch (IdempotencyKeys.KeyContended contended) {
                    if (++contentions < KEY_CONTENTIONS) {
                        attempt--;
                    }
                } catch (CopyOutOfDate stale) {
                    readAgain = true;
                } catch (RuntimeException e) {
                    if (isUniqueViolation(e, "uk_orders_idempotency_key")) {
                        throw keyAlreadyPlacedAnOrder();
                    }
                    if (!isUniqueViolation(e, "uk_orders_code")) {
                        throw e;
                    }
                }
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("could not place an order in " + ATTEMPTS + " attempts");
                }
            }
        } finally {
            claim.close();
            tap.ifPresent(UnitsInFlight.Claim::close);
        }
    }

    /**
     * The first check of a request, where it arrives (the event loop): refusals decided from memory
     * or from a copy of the lineup young enough to use, never waiting for the database. Let through,
     * it holds its claim on units; without such a copy it is let through holding none, and
     * {@link #place} decides.
     */
    public Arrival arrive(PlaceOrder request, String rawIdempotencyKey) {
        Optional<ProblemException> known = refusalFromMemory(request);
        if (known.isPresent()) {
            return new Arrival.Refused(known.get());
        }
        Optional<Lineup> copy = lineups.copy(request.sessionId());
        if (copy.isEmpty()) {
            return new Arrival.LetThrough(inFlight.none());
        }
        try {
            Lineup lineup = live(copy.get());
            List<Want> wants = resolveItems(request, lineup);
            wants.forEach(this::refuseIfSoldOut);
            return new Arrival.LetThrough(claimed(lineup, wants, rawIdempotencyKey));
        } catch (ProblemException refusal) {
            return new Arrival.Refused(refusal);
        }
    }

    /** The wants' units claimed, or the refusal of a want whose units left are all being ordered. */
    private UnitsInFlight.Claim claimed(Lineup lineup, List<Want> wants, String rawIdempotencyKey) {
        UnitsInFlight.Outcome outcome = inFlight.claim(lineup, wants, rawIdempotencyKey);
        if (outcome instanceof UnitsInFlight.AllClaimed all) {
            throw beingOrderedProblem(all);
        }
        return ((UnitsInFlight.LetThrough) outcome).claim();
    }

    /** The claim follows the transaction: its units count as in the database once the commit begins. */
    private void followCommit(UnitsInFlight.Claim claim) {
        if (!claim.holdsUnits()) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                claim.committing();
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    claim.committed();
                } else {
                    claim.notCommitted();
                }
            }
        });
    }

    private Optional<Placement> replay(IdempotencyKey key, PlaceOrder request) {
        return keys.stored(key).map(stored -> replayOf(stored, request));
    }

    private Placement replayOf(IdempotencyKeys.StoredAnswer stored, PlaceOrder request) {
        String body = stored.bodyFor(hash(request));
        try {
            return new Placement.Replayed(json.readTree(body).path("order").path("code").asText(), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored order receipt is not JSON", e);
        }
    }

    /**
     * The answer to a request {@linkplain #refusalFromMemory refused from memory}, without waiting
     * for the database: as in {@link #place}, an order placed earlier with its Idempotency-Key is
     * still its answer, else the refusal (nothing was stored). The key's read is gathered with the
     * others of the moment ({@link StoredAnswerReads}) and the answer completes on its reader.
     */
    public CompletableFuture<Placement> answerRefused(PlaceOrder request, String rawIdempotencyKey,
            ProblemException refusal) {
        CompletableFuture<Placement> answer = new CompletableFuture<>();
        if (rawIdempotencyKey == null) {
            answer.completeExceptionally(refusal);
            return answer;
        }
        keys.storedLater(IdempotencyKey.of(rawIdempotencyKey)).whenComplete((stored, failure) -> {
            try {
                if (failure != null) {
                    answer.completeExceptionally(failure instanceof CompletionException ? failure.getCause() : failure);
                } else if (stored.isPresent()) {
                    answer.complete(replayOf(stored.get(), request));
                } else {
                    answer.completeExceptionally(refusal);
                }
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private Lineup liveLineup(long sessionId, boolean readAgain) {
        return live((readAgain ? lineups.readAgain(sessionId) : lineups.of(sessionId))
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId)));
    }

    /** The copy, if its session is LIVE; else the refusal. */
    private static Lineup live(Lineup lineup) {
        if (!lineup.isLive()) {
            throw notLive(lineup.sessionId(), lineup.status());
        }
        return lineup;
    }

    private Placement placeInTransaction(PlaceOrder request, IdempotencyKey key, String requestHash, Lineup lineup,
            List<Want> wants, String phone, String province, Optional<PayeeAccount> payee, boolean heldForReview) {
        // First the key, then the session, in one round trip: both rows stay locked until commit.
        refuseUnlessLive(lineup, key == null ? sql.firstRow(SESSION_STATUS, SessionRow::of, lineup.sessionId())
                : keys.takeThenRead(key, requestHash, new PlainSql.Statement(SESSION_STATUS, lineup.sessionId()),
                        SessionRow::of));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = OrderCodes.newAccessToken();
        boolean confirmNow = !heldForReview && request.paymentMethod() == PaymentMethod.COD && lineup.autoConfirmCod();

        NewOrders.Buyer buyer = new NewOrders.Buyer(VietnameseText.tidy(request.buyerName()), phone, province,
                VietnameseText.tidy(request.address().commune()), VietnameseText.tidy(request.address().detail()));
        Order order = newOrders.draft(lineup.sessionId(), lineup.cooperativeId(), request.paymentMethod(), payee, buyer,
                VietnameseText.tidy(request.note()), OrderCodes.sha256(token), key == null ? null : key.id(), now,
                Duration.ofMinutes(lineup.holdMinutes()), wants);
        order.heldForReview = heldForReview;
        // An order confirmed at once holds nothing unpaid: it is as good as a confirmed one.
        newOrders.takeLimits(lineup.sessionId(), phone, wants, !confirmNow);
        newOrders.record(order, confirmNow, now);

        OrderView.Transfer transfer = payee.filter(p -> OrderTransfers.needsAccount(order.paymentMethod, order.totalVnd))
                .map(p -> OrderTransfers.describe(order, p, OrderTransfers.Audience.BUYER)).orElse(null);
        OrderReceipt receipt = new OrderReceipt(OrderView.of(order, transfer), token);
        String body = write(receipt);
        // Last, the answer and then the quotas in item order, in one round trip: the quota rows are
        // where every buyer of the session meets. Units are taken only if the item is still on the
        // lineup, has them, and is as the copy knew it (its version): an order is never placed at a
        // price or limit the database no longer has.
        newOrders.takeQuotasAfter(Optional.ofNullable(key).map(k -> keys.answering(k, body)),
                wants.stream().sorted(Comparator.comparing(w -> w.item().itemId())).toList())
                .ifPresent(this::refuseShortQuota);
        return new Placement.Placed(receipt, body);
    }

    /** Why the want's units could not be taken; the transaction rolls back. */
    private void refuseShortQuota(Want want) {
        Item item = want.item();
        Object[] now = (Object[]) em.createNativeQuery(
                "SELECT removed, GREATEST(quota - taken, 0), version FROM lineup_item WHERE item_id = ?1")
                .setParameter(1, item.itemId()).getSingleResult();
        if (isTrue(now[0])) {
            throw noLongerOnTheLineup(item);
        }
        if (((Number) now[2]).longValue() != item.version()) {
            throw new CopyOutOfDate();
        }
        long remaining = ((Number) now[1]).longValue();
        if (remaining == 0) {
            soldOut.remember(item);
        }
        throw soldOutProblem(item, remaining, want.quantity());
    }

    /**
     * Refuses an order for a session not live. A session changed since the copy was read (its
     * version) is read again: the copy's hold time or COD rule may be out of date.
     */
    private static void refuseUnlessLive(Lineup lineup, Optional<SessionRow> read) {
        SessionRow row = read.orElseThrow(() -> ProblemException.notFound("Session", lineup.sessionId()));
        if (!SaleSession.LIVE.equals(row.status())) {
            throw notLive(lineup.sessionId(), row.status());
        }
        if (row.version() != lineup.version()) {
            throw new CopyOutOfDate();
        }
    }

    private record SessionRow(String status, long version) {

        static SessionRow of(ResultSet found) throws SQLException {
            return new SessionRow(found.getString(1), found.getLong(2));
        }
    }

    private static ProblemException notLive(long sessionId, String status) {
        return ProblemException.conflict("session-not-live", "Session is not live",
                "Session " + sessionId + " is " + status + "; orders are taken only while it is LIVE")
                .with("currentStatus", status);
    }

    private static ProblemException noLongerOnTheLineup(Item item) {
        String message = "item " + item.itemId() + " (" + item.code() + ") is no longer on the lineup of session "
                + item.sessionId();
        return new ProblemException(422, "unknown-item", "Not on the lineup", message,
                List.of(new Problem.FieldViolation("items", message)));
    }

    private static ProblemException keyAlreadyPlacedAnOrder() {
        return new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                "An order was already placed with this Idempotency-Key; use a new key for a new order");
    }

    private static boolean isTrue(Object column) {
        return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
    }

    private static List<Want> resolveItems(PlaceOrder request, Lineup lineup) {
        Map<Long, Want> wants = new LinkedHashMap<>();
        List<Problem.FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrder.Item asked = request.items().get(i);
            if ((asked.code() == null) == (asked.itemId() == null)) {
                throw ProblemException.invalid("items[" + i + "]", "give either code or itemId");
            }
            Item item = (asked.itemId() != null ? lineup.item(asked.itemId()) : lineup.item(asked.code()))
                    .filter(found -> !found.removed()).orElse(null);
            if (item == null) {
                String field = asked.itemId() != null ? "items[" + i + "].itemId" : "items[" + i + "].code";
                String what = asked.itemId() != null ? "item " + asked.itemId() : "code " + asked.code();
                unknown.add(new Problem.FieldViolation(field, what + " is not on the lineup of session " + request.sessionId()));
                continue;
            }
            wants.merge(item.itemId(), new Want(item, asked.quantity()),
                    (a, b) -> new Want(a.item(), a.quantity() + b.quantity()));
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-item", "Not on the lineup", unknown.size() == 1
                    ? unknown.get(0).message() : unknown.size() + " items are not on the lineup", unknown);
        }
        return List.copyOf(wants.values());
    }

    /**
     * Refuses from memory, or from the copy's counters (read at most a moment ago), an item that
     * cannot fill the order; such a request never waits on the item's row lock.
     */
    private void refuseIfSoldOut(Want want) {
        Item item = want.item();
        if (soldOut.isSoldOut(item.itemId())) {
            throw soldOutProblem(item.itemId(), item.code(), item.productName(), 0, want.quantity());
        }
        if (item.remaining() < want.quantity()) {
            if (item.remaining() == 0) {
                soldOut.remember(item);
            }
            throw soldOutProblem(item, item.remaining(), want.quantity());
        }
    }

    /**
     * The fastest refusal: an item just found sold out, known from this instance's memory alone,
     * before even the lineup is looked at. It needs no worker thread and no connection, so the REST
     * layer decides it where the request arrives, not behind the orders waiting for a worker.
     *
     * @return the refusal, or empty when only {@link #place} can decide the request
     */
    public Optional<ProblemException> refusalFromMemory(PlaceOrder request) {
        for (PlaceOrder.Item asked : request.items()) {
            Optional<SoldOutMemory.SoldOutItem> known = asked.code() != null
                    ? soldOut.soldOut(request.sessionId(), asked.code())
                    : asked.itemId() != null ? soldOut.soldOut(asked.itemId()) : Optional.empty();
            if (known.isPresent()) {
                SoldOutMemory.SoldOutItem item = known.get();
                return Optional.of(soldOutProblem(item.itemId(), item.code(), item.productName(), 0, asked.quantity()));
            }
        }
        return Optional.empty();
    }

    private static ProblemException soldOutProblem(Item item, long remaining, long asked) {
        return soldOutProblem(item.itemId(), item.code(), item.productName(), remaining, asked);
    }

    private static ProblemException soldOutProblem(long itemId, String code, String productName, long remaining,
            long asked) {
        String detail = remaining == 0
                ? code + " (" + productName + ") is sold out"
                : "Only " + remaining + " of " + code + " (" + productName + ") remain; " + asked + " were asked";
        return soldOut(itemId, code, remaining, detail);
    }

    private static ProblemException beingOrderedProblem(UnitsInFlight.AllClaimed all) {
        Item item = all.want().item();
        String named = item.code() + " (" + item.productName() + ")";
        String detail = all.unclaimed() == 0
                ? named + " is sold out: its last " + all.left() + " are being ordered by other buyers"
                : "Only " + all.unclaimed() + " of " + named + " remain, the rest being ordered by other buyers; "
                        + all.want().quantity() + " were asked";
        return soldOut(item.itemId(), item.code(), all.unclaimed(), detail).with("beingOrdered", all.beingOrdered());
    }

    /** The sold-out refusal's type, title and members, whatever the detail says of why. */
    private static ProblemException soldOut(long itemId, String code, long remaining, String detail) {
        return ProblemException.conflict("sold-out", remaining == 0 ? "Sold out" : "Not enough left", detail)
                .with("itemCode", code)
                .with("itemId", itemId)
                .with("remaining", remaining);
    }

    private String hash(PlaceOrder request) {
        return OrderCodes.sha256(write(request));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static boolean isUniqueViolation(Throwable e, String uniqueKey) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException && String.valueOf(t.getMessage()).contains(uniqueKey)) {
                return true;
            }
        }
        return false;
    }
}
