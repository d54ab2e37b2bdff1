package vn.chotdon.order.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderLine;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.address.Provinces;
import vn.chotdon.order.config.HeldUnitsCapConfig;
import vn.chotdon.order.readmodel.LineupItem;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.view.OrderReceipt;
import vn.chotdon.order.view.OrderView;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnamPhone;
import vn.chotdon.platform.text.VietnameseText;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * The hot path: places an order using only order-service's own database. Quotas, per-buyer
 * limits and the cap on units a phone holds unpaid are taken with conditional UPDATEs in the
 * same local transaction as the order, its lines, its event and its idempotency answer; the busy
 * item rows are locked last, so each order holds them only for the moment before commit. That
 * transaction also reads the session's status under a shared lock: the read-model update that
 * ends a session takes the row's exclusive lock, so no order commits once the end is applied.
 */
@ApplicationScoped
public class OrderPlacement {

    /**
     * The answer to send: a status, the exact JSON body (a replay sends the same bytes) and, for a
     * placed order, its code, which names the buyer's URL of it.
     */
    public record Answer(int status, String body, String orderCode) {
    }

    private record Want(LineupItem item, long quantity) {
    }

    private static final int CODE_ATTEMPTS = 3;

    private final EntityManager em;
    private final IdempotencyKeys idempotency;
    private final OrderEvents events;
    private final SoldOutMemory soldOut;
    private final ObjectMapper json;
    private final HeldUnitsCapConfig heldUnitsCap;

    OrderPlacement(EntityManager em, IdempotencyKeys idempotency, OrderEvents events, SoldOutMemory soldOut,
            ObjectMapper json, HeldUnitsCapConfig heldUnitsCap) {
        this.em = em;
        this.idempotency = idempotency;
        this.events = events;
        this.soldOut = soldOut;
        this.json = json;
        this.heldUnitsCap = heldUnitsCap;
    }

    public Answer place(PlaceOrder request, String rawIdempotencyKey, String path) {
        String phone = VietnamPhone.normalise(request.phone()).orElseThrow();
        String province = Provinces.resolve(request.address().province()).orElseThrow();
        if (rawIdempotencyKey == null) {
            return placeOnce(request, null, phone, province);
        }
        IdempotencyKey idempotencyKey = IdempotencyKey.of(rawIdempotencyKey);
        // The key first: a retry gets the first answer even if the item has sold out since.
        IdempotencyKeys.Claimed claimed = idempotency.claim(idempotencyKey, hash(request));
        if (claimed instanceof IdempotencyKeys.StoredAnswer stored) {
            return replay(stored);
        }
        IdempotencyKeys.Claim claim = (IdempotencyKeys.Claim) claimed;
        try {
            return placeOnce(request, claim, phone, province);
        } catch (IdempotencyKeys.ClaimLost lost) {
            return replay(idempotency.afterLostClaim(idempotencyKey));
        } catch (ProblemException refusal) {
            Problem problem = refusal.toProblem(path);
            if (FinalAnswers.isFinal(problem)) {
                idempotency.completeAlone(claim, refusal.status(), write(problem));
            } else {
                idempotency.abandon(claim);
            }
            throw refusal;
        } catch (RuntimeException failure) {
            idempotency.abandon(claim);
            throw failure;
        }
    }

    private Answer placeOnce(PlaceOrder request, IdempotencyKeys.Claim claim, String phone, String province) {
        refuseIfRememberedSoldOut(request);
        record Resolved(SaleSession session, List<Want> wants) {
        }
        Resolved resolved = QuarkusTransaction.requiringNew()
                .call(() -> new Resolved(liveSession(request.sessionId()), resolveItems(request)));
        resolved.wants().forEach(this::refuseIfSoldOut);
        return placeWithFreshCode(request, claim, resolved.session(), resolved.wants(), phone, province);
    }

    private Answer placeWithFreshCode(PlaceOrder request, IdempotencyKeys.Claim claim, SaleSession session,
            List<Want> wants, String phone, String province) {
        for (int attempt = 1;; attempt++) {
            try {
                return RetryOnDeadlock.inNewTransaction(
                        () -> placeInTransaction(request, claim, session, wants, phone, province));
            } catch (RuntimeException e) {
                if (isUniqueViolation(e, "uk_orders_idempotency_key")) {
                    throw keyAlreadyPlacedAnOrder();
                }
                if (attempt >= CODE_ATTEMPTS || !isUniqueViolation(e, "uk_orders_code")) {
                    throw e;
                }
            }
        }
    }

    private Answer placeInTransaction(PlaceOrder request, IdempotencyKeys.Claim claim, SaleSession session,
            List<Want> wants, String phone, String province) {
        // First the key's claim, then the session: both rows stay locked until commit.
        if (claim != null) {
            idempotency.hold(claim);
        }
        refuseUnlessLive(session.sessionId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String token = OrderCodes.newAccessToken();
        boolean confirmNow = request.paymentMethod() == PaymentMethod.COD && session.autoConfirmCod;

        Order order = new Order();
        order.code = OrderCodes.newCode();
        order.sessionId = session.sessionId;
        order.cooperativeId = session.cooperativeId;
        order.status = OrderStatus.PLACED;
        order.paymentMethod = request.paymentMethod();
        order.buyerName = VietnameseText.tidy(request.buyerName());
        order.buyerPhone = phone;
        order.province = province;
        order.commune = VietnameseText.tidy(request.address().commune());
        order.addressDetail = VietnameseText.tidy(request.address().detail());
        order.note = VietnameseText.tidy(request.note());
        order.accessTokenHash = OrderCodes.sha256(token);
        order.idempotencyKey = claim == null ? null : claim.key().id();
        order.placedAt = now;
        order.holdExpiresAt = now.plus(Duration.ofMinutes(session.holdMinutes));
        order.updatedAt = now;
        for (Want want : wants) {
            OrderLine line = new OrderLine();
            line.order = order;
            line.sessionId = session.sessionId;
            line.itemId = want.item().itemId;
            line.code = want.item().code;
            line.productId = want.item().productId;
            line.productName = want.item().productName;
            line.quantity = want.quantity();
            line.unitPriceVnd = want.item().livePriceVnd;
            line.lineTotalVnd = Math.multiplyExact(want.quantity(), want.item().livePriceVnd);
            line.status = OrderStatus.PLACED;
            order.lines.add(line);
            order.totalVnd = Math.addExact(order.totalVnd, line.lineTotalVnd);
        }

        // An order confirmed at once holds nothing unpaid: it is as good as a confirmed one.
        if (!confirmNow) {
            holdUnpaidUnits(session.sessionId, phone, wants.stream().mapToLong(Want::quantity).sum());
        }
        for (Want want : wants) {
            if (want.item().perBuyerLimit != null) {
                holdBuyerUnits(want, phone);
            }
        }
        order.persist();
        em.flush();
        events.record(order, null);
        if (confirmNow) {
            order.status = OrderStatus.CONFIRMED;
            order.confirmedAt = now;
            order.lines.forEach(line -> line.status = OrderStatus.CONFIRMED);
            em.flush();
            events.record(order, OrderStatus.PLACED);
        }

        // Last, in item order: the quota rows are where every buyer of the session meets.
        for (Want want : wants.stream().sorted(Comparator.comparing(w -> w.item().itemId)).toList()) {
            takeQuota(want);
        }

        String body = write(new OrderReceipt(OrderView.of(order), token));
        if (claim != null) {
            idempotency.complete(claim, 201, body);
        }
        return new Answer(201, body, order.code);
    }

    /** A stored answer as first sent; a stored receipt names its order. */
    private Answer replay(IdempotencyKeys.StoredAnswer stored) {
        if (stored.status() != 201) {
            return new Answer(stored.status(), stored.body(), null);
        }
        try {
            return new Answer(201, stored.body(), json.readTree(stored.body()).path("order").path("code").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored order receipt is not JSON", e);
        }
    }

    private void takeQuota(Want want) {
        int taken = em.createNativeQuery("UPDATE lineup_item SET taken = taken + ?1"
                + " WHERE item_id = ?2 AND removed = FALSE AND taken + ?1 <= quota")
                .setParameter(1, want.quantity()).setParameter(2, want.item().itemId).executeUpdate();
        if (taken == 0) {
            Object[] now = (Object[]) em.createNativeQuery(
                    "SELECT removed, GREATEST(quota - taken, 0) FROM lineup_item WHERE item_id = ?1")
                    .setParameter(1, want.item().itemId).getSingleResult();
            if (isTrue(now[0])) {
                throw noLongerOnTheLineup(want.item());
            }
            long remaining = ((Number) now[1]).longValue();
            if (remaining == 0) {
                soldOut.remember(want.item());
            }
            throw soldOutProblem(want.item(), remaining, want.quantity());
        }
    }

    /**
     * Counts the order's units against the phone's unpaid units in the session, refusing (409
     * held-units-cap) what would go over the cap; the lifecycle gives the units back when the order
     * leaves PLACED.
     */
    private void holdUnpaidUnits(long sessionId, String phone, long units) {
        int cap = heldUnitsCap.maxPerPhone();
        OptionalLong refused = takeWithin(PhoneCounter.HELD_IN_SESSION, sessionId, phone, units, cap);
        if (refused.isPresent()) {
            throw ProblemException.conflict("held-units-cap", "Too many unpaid units",
                    "One phone number may hold at most " + cap + " units in orders not yet confirmed or paid in this"
                            + " session; this one already holds " + refused.getAsLong() + " and the order asks for "
                            + units + ". Pay for an order held, or wait until the cooperative confirms one.")
                    .with("cap", cap)
                    .with("held", refused.getAsLong())
                    .with("asked", units);
        }
    }

    private void holdBuyerUnits(Want want, String phone) {
        long limit = want.item().perBuyerLimit;
        OptionalLong refused = takeWithin(PhoneCounter.BOUGHT_OF_ITEM, want.item().itemId, phone, want.quantity(), limit);
        if (refused.isPresent()) {
            throw ProblemException.conflict("buyer-limit", "Over the limit per buyer",
                    want.item().code + " (" + want.item().productName + ") is limited to " + limit
                            + " per buyer; this phone number already has " + refused.getAsLong() + " in its orders")
                    .with("itemCode", want.item().code)
                    .with("limit", limit)
                    .with("alreadyOrdered", refused.getAsLong());
        }
    }

    /** A count of units per phone, kept in a row per (owner, phone). */
    private enum PhoneCounter {
        /** Units of one lineup item in the phone's orders, for the per-buyer limit. */
        BOUGHT_OF_ITEM("buyer_item_units", "item_id"),
        /** Units of one session in the phone's PLACED orders, for the held-units cap. */
        HELD_IN_SESSION("buyer_held_units", "session_id");

        final String table;
        final String ownerColumn;

        PhoneCounter(String table, String ownerColumn) {
            this.table = table;
            this.ownerColumn = ownerColumn;
        }
    }

    /**
     * Adds the units to the phone's count when it stays within the limit: a conditional UPDATE of
     * the row, or its first INSERT (the primary key decides between two first orders), never a
     * read then a write.
     *
     * @return empty when the units were taken; otherwise the units the phone already has
     */
    private OptionalLong takeWithin(PhoneCounter counter, long owner, String phone, long units, long limit) {
        if (units <= limit) {
            if (addWithin(counter, owner, phone, units, limit)) {
                return OptionalLong.empty();
            }
            int inserted = em.createNativeQuery("INSERT IGNORE INTO " + counter.table + " (" + counter.ownerColumn
                    + ", buyer_phone, units) VALUES (?1, ?2, ?3)")
                    .setParameter(1, owner).setParameter(2, phone).setParameter(3, units).executeUpdate();
            if (inserted == 1 || addWithin(counter, owner, phone, units, limit)) {
                return OptionalLong.empty();
            }
        }
        List<?> already = em.createNativeQuery("SELECT units FROM " + counter.table + " WHERE " + counter.ownerColumn
                + " = ?1 AND buyer_phone = ?2")
                .setParameter(1, owner).setParameter(2, phone).getResultList();
        return OptionalLong.of(already.isEmpty() ? 0 : ((Number) already.get(0)).longValue());
    }

    private boolean addWithin(PhoneCounter counter, long owner, String phone, long units, long limit) {
        return em.createNativeQuery("UPDATE " + counter.table + " SET units = units + ?1 WHERE " + counter.ownerColumn
                + " = ?2 AND buyer_phone = ?3 AND units + ?1 <= ?4")
                .setParameter(1, units).setParameter(2, owner).setParameter(3, phone).setParameter(4, limit)
                .executeUpdate() == 1;
    }

    /**
     * The session's status read under a shared lock, in the transaction that writes the order. The
     * read-model update that ends the session waits for this transaction, and a transaction that
     * comes after that update reads the session ended.
     */
    private void refuseUnlessLive(long sessionId) {
        List<?> status = em.createNativeQuery("SELECT status FROM sale_session WHERE session_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, sessionId).getResultList();
        if (status.isEmpty()) {
            throw ProblemException.notFound("Session", sessionId);
        }
        if (!SaleSession.LIVE.equals(status.get(0))) {
            throw notLive(sessionId, (String) status.get(0));
        }
    }

    private static ProblemException notLive(long sessionId, String status) {
        return ProblemException.conflict("session-not-live", "Session is not live",
                "Session " + sessionId + " is " + status + "; orders are taken only while it is LIVE")
                .with("currentStatus", status);
    }

    private static ProblemException noLongerOnTheLineup(LineupItem item) {
        String message = "item " + item.itemId + " (" + item.code + ") is no longer on the lineup of session "
                + item.sessionId;
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

    private static SaleSession liveSession(long sessionId) {
        SaleSession session = SaleSession.findById(sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        if (!session.isLive()) {
            throw notLive(sessionId, session.status);
        }
        return session;
    }

    private static List<Want> resolveItems(PlaceOrder request) {
        Map<Long, Want> wants = new LinkedHashMap<>();
        List<Problem.FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrder.Item asked = request.items().get(i);
            if ((asked.code() == null) == (asked.itemId() == null)) {
                throw new ProblemException(400, "validation", "Invalid request", "1 field is invalid",
                        List.of(new Problem.FieldViolation("items[" + i + "]", "give either code or itemId")));
            }
            LineupItem item = asked.itemId() != null
                    ? LineupItem.<LineupItem>findByIdOptional(asked.itemId())
                            .filter(found -> found.sessionId.equals(request.sessionId())).orElse(null)
                    : LineupItem.<LineupItem>find("sessionId = ?1 and code = ?2 and removed = false",
                            request.sessionId(), asked.code().toUpperCase(Locale.ROOT)).firstResult();
            if (item == null || item.removed) {
                String field = asked.itemId() != null ? "items[" + i + "].itemId" : "items[" + i + "].code";
                String what = asked.itemId() != null ? "item " + asked.itemId() : "code " + asked.code();
                unknown.add(new Problem.FieldViolation(field, what + " is not on the lineup of session " + request.sessionId()));
                continue;
            }
            wants.merge(item.itemId, new Want(item, asked.quantity()),
                    (a, b) -> new Want(a.item(), a.quantity() + b.quantity()));
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-item", "Not on the lineup", unknown.size() == 1
                    ? unknown.get(0).message() : unknown.size() + " items are not on the lineup", unknown);
        }
        return List.copyOf(wants.values());
    }

    /**
     * Refuses from memory, or from the last committed counters read without locking, an item
     * that cannot fill the order; such a request never waits on the item's row lock.
     */
    private void refuseIfSoldOut(Want want) {
        if (soldOut.isSoldOut(want.item().itemId)) {
            throw soldOutProblem(want.item().itemId, want.item().code, want.item().productName, 0, want.quantity());
        }
        if (want.item().remaining() < want.quantity()) {
            if (want.item().remaining() == 0) {
                soldOut.remember(want.item());
            }
            throw soldOutProblem(want.item(), want.item().remaining(), want.quantity());
        }
    }

    /** The fastest refusal: an item just found sold out, answered before any database work. */
    private void refuseIfRememberedSoldOut(PlaceOrder request) {
        for (PlaceOrder.Item asked : request.items()) {
            Optional<SoldOutMemory.SoldOutItem> known = asked.code() != null
                    ? soldOut.soldOut(request.sessionId(), asked.code())
                    : asked.itemId() != null ? soldOut.soldOut(asked.itemId()) : Optional.empty();
            if (known.isPresent()) {
                SoldOutMemory.SoldOutItem item = known.get();
                throw soldOutProblem(item.itemId(), item.code(), item.productName(), 0, asked.quantity());
            }
        }
    }

    private static ProblemException soldOutProblem(LineupItem item, long remaining, long asked) {
        return soldOutProblem(item.itemId, item.code, item.productName, remaining, asked);
    }

    private static ProblemException soldOutProblem(long itemId, String code, String productName, long remaining,
            long asked) {
        String detail = remaining == 0
                ? code + " (" + productName + ") is sold out"
                : "Only " + remaining + " of " + code + " (" + productName + ") remain; " + asked + " were asked";
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
