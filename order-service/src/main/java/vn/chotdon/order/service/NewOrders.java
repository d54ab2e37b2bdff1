package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hibernate.query.NativeQuery;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderLine;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.config.OrderSettings;
import vn.chotdon.order.readmodel.LiveLineups.Item;
import vn.chotdon.order.transfer.PayeeAccount;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.PlainSql;

/**
 * What every order that takes units goes through, whoever makes it: a buyer placing it
 * ({@link OrderPlacement}), a transfer reviving it ({@link OrderRevival}) or the waitlist promoting
 * a buyer in line. Each count is a conditional UPDATE in the caller's transaction, never a read
 * then a write: the phone's unpaid units against the held-units cap, the phone's units of each item
 * against its per-buyer limit, and the item's quota. The same counts are given back here when an
 * order leaves PLACED or gives its units back.
 */
@ApplicationScoped
public class NewOrders {

    /** Units of one lineup item an order asks for. */
    public record Want(Item item, long quantity) {
    }

    /** Who the order is for and where it goes, already normalised (phone E.164, province resolved). */
    public record Buyer(String name, String phone, String province, String commune, String addressDetail) {
    }

    /**
     * Takes units of a lineup item still on the lineup that has them: the one statement that adds
     * to {@code taken}, run through Hibernate ({@link #takeQuota}) or in a round trip of plain
     * statements ({@link #takeQuotasAfter}). Parameters: units, item id, units.
     */
    private static final String TAKE_UNITS = "UPDATE lineup_item SET taken = taken + ? WHERE item_id = ?"
            + " AND removed = FALSE AND taken + ? <= quota";
    /** Only at the item's version the caller knew: its price and limits are the database's. */
    private static final String AT_VERSION = " AND version = ?";

    private final EntityManager em;
    private final OrderEvents events;
    private final OrderSettings settings;
    private final PlainSql sql;

    NewOrders(EntityManager em, OrderEvents events, OrderSettings settings, PlainSql sql) {
        this.em = em;
        this.events = events;
        this.settings = settings;
        this.sql = sql;
    }

    /**
     * A PLACED order with a line per want at the lineup's prices, not yet stored.
     *
     * @param tokenHash the SHA-256 of the token that opens it for the buyer
     */
    public Order draft(long sessionId, long cooperativeId, PaymentMethod paymentMethod, Optional<PayeeAccount> payee,
            Buyer buyer, String note, String tokenHash, String idempotencyKey, Instant now, Duration hold,
            List<Want> wants) {
        Order order = new Order();
        order.code = OrderCodes.newCode();
        order.sessionId = sessionId;
        order.cooperativeId = cooperativeId;
        order.status = OrderStatus.PLACED;
        order.paymentMethod = paymentMethod;
        order.receivingAccountId = payee.map(PayeeAccount::id).orElse(null);
        order.buyerName = buyer.name();
        order.buyerPhone = buyer.phone();
        order.province = buyer.province();
        order.commune = buyer.commune();
        order.addressDetail = buyer.addressDetail();
        order.note = note;
        order.accessTokenHash = tokenHash;
        order.idempotencyKey = idempotencyKey;
        order.placedAt = now;
        order.holdExpiresAt = now.plus(hold);
        order.updatedAt = now;
        for (Want want : wants) {
            OrderLine line = new OrderLine();
            line.order = order;
            line.sessionId = sessionId;
            line.itemId = want.item().itemId();
            line.code = want.item().code();
            line.productId = want.item().productId();
            line.productName = want.item().productName();
            line.quantity = want.quantity();
            line.unitPriceVnd = want.item().livePriceVnd();
            line.lineTotalVnd = Math.multiplyExact(want.quantity(), want.item().livePriceVnd());
            line.status = OrderStatus.PLACED;
            order.lines.add(line);
            order.totalVnd = Math.addExact(order.totalVnd, line.lineTotalVnd);
        }
        return order;
    }

    /**
     * Counts the order's units against the phone's held-units cap (unless the order is confirmed at
     * once: it holds nothing unpaid) and each item's per-buyer limit. On a refusal, what this call
     * counted is given back before it throws, so that a caller whose transaction goes on (the
     * waitlist trying the next buyer) is left as it was.
     *
     * @throws ProblemException 409 held-units-cap or buyer-limit
     */
    public void takeLimits(long sessionId, String phone, List<Want> wants, boolean holdsUnpaid) {
        long units = wants.stream().mapToLong(Want::quantity).sum();
        if (holdsUnpaid) {
            holdUnpaid(sessionId, phone, units);
        }
        List<Want> counted = new ArrayList<>();
        try {
            for (Want want : wants) {
                if (want.item().perBuyerLimit() != null) {
                    Item item = want.item();
                    countForBuyer(item.itemId(), item.code(), item.productName(), item.perBuyerLimit(), phone,
                            want.quantity());
                    counted.add(want);
                }
            }
        } catch (ProblemException refused) {
            counted.forEach(want -> giveBackForBuyer(want.item().itemId(), phone, want.quantity()));
            if (holdsUnpaid) {
                giveBackUnpaid(sessionId, phone, units);
            }
            throw refused;
        }
    }

    /**
     * Stores the order and its lines and writes its ORDER_PLACED event; an order confirmed at once
     * (cash on delivery in a session that confirms it) becomes CONFIRMED with its ORDER_CONFIRMED
     * event, as placement always did. Plain INSERTs rather than {@code persist}: the entity's
     * persist, flush and dirty checks were a tenth of the hot path's CPU, and nothing in the
     * transaction reads the order back. The order stays unmanaged, with its id and version set.
     */
    public void record(Order order, boolean confirmNow, Instant now) {
        List<Object> lineValues = new ArrayList<>();
        for (OrderLine line : order.lines) {
            lineValues.addAll(List.of(line.sessionId, line.itemId, line.code, line.productId, line.productName,
                    line.quantity, line.unitPriceVnd, line.lineTotalVnd, line.status.name(), line.paid));
        }
        // The order and its lines in one round trip; the lines' own ids are not read back (nothing uses them).
        order.id = sql.insertThen(new PlainSql.Statement("INSERT INTO orders (code, session_id, cooperative_id, status,"
                + " payment_method, receiving_account_id, buyer_name, buyer_phone, province, commune, address_detail,"
                + " note, total_vnd, access_token_hash, idempotency_key, placed_at, hold_expires_at, held_for_review,"
                + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                order.code, order.sessionId, order.cooperativeId, order.status.name(), order.paymentMethod.name(),
                order.receivingAccountId, order.buyerName, order.buyerPhone, order.province, order.commune,
                order.addressDetail, order.note, order.totalVnd, order.accessTokenHash, order.idempotencyKey,
                order.placedAt, order.holdExpiresAt, order.heldForReview, order.updatedAt, order.version),
                new PlainSql.Statement("INSERT INTO order_line (order_id, session_id, item_id, code, product_id,"
                        + " product_name, quantity, unit_price_vnd, line_total_vnd, status, paid) VALUES "
                        + String.join(", ", Collections.nCopies(order.lines.size(),
                                "(LAST_INSERT_ID(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                        lineValues.toArray()));
        events.record(order, null);
        if (confirmNow) {
            order.status = OrderStatus.CONFIRMED;
            order.confirmedAt = now;
            order.version++;
            sql.update("UPDATE orders SET status = ?, confirmed_at = ?, version = ? WHERE id = ?", order.status.name(),
                    now, order.version, order.id);
            order.lines.forEach(line -> line.status = OrderStatus.CONFIRMED);
            sql.update("UPDATE order_line SET status = ? WHERE order_id = ?", OrderStatus.CONFIRMED.name(), order.id);
            events.record(order, OrderStatus.PLACED);
        }
    }

    /**
     * Takes the units if the item is still on the lineup and has them, and, when a version is given,
     * is as the caller knew it: an order is never placed at a price or limit the database no longer
     * has.
     *
     * @param version the item's version the caller's prices come from, or null to take at any version
     * @return whether the units were taken; nothing changed otherwise
     */
    public boolean takeQuota(long itemId, long units, Long version) {
        var update = statement(TAKE_UNITS + (version == null ? "" : AT_VERSION), "lineup_item")
                .setParameter(1, units).setParameter(2, itemId).setParameter(3, units);
        if (version != null) {
            update.setParameter(4, version);
        }
        return update.executeUpdate() == 1;
    }

    /**
     * Runs {@code first} (the caller's last write), then takes each want's units at the version of
     * the item the caller knew, as {@link #takeQuota} does, in this order and in one round trip: the
     * rows where every buyer of the session meets are locked at the very end, for the shortest time.
     * Plain SQL, so nothing is flushed first: for a transaction that changed no lineup item through
     * an entity.
     *
     * @return the first want whose units were not taken; then the caller's transaction must roll back
     */
    public Optional<Want> takeQuotasAfter(Optional<PlainSql.Statement> first, List<Want> wants) {
        List<PlainSql.Statement> statements = new ArrayList<>();
        first.ifPresent(statements::add);
        for (Want want : wants) {
            statements.add(new PlainSql.Statement(TAKE_UNITS + AT_VERSION, want.quantity(), want.item().itemId(),
                    want.quantity(), want.item().version()));
        }
        int[] counts = sql.updateAll(statements.toArray(PlainSql.Statement[]::new));
        int offset = first.isPresent() ? 1 : 0;
        for (int i = 0; i < wants.size(); i++) {
            if (counts[offset + i] != 1) {
                return Optional.of(wants.get(i));
            }
        }
        return Optional.empty();
    }

    /** The units of a cancelled or expired order go back to the item's quota. */
    public void giveBackQuota(long itemId, long units) {
        statement("UPDATE lineup_item SET taken = taken - ?1 WHERE item_id = ?2", "lineup_item")
                .setParameter(1, units).setParameter(2, itemId).executeUpdate();
    }

    /**
     * Counts the order's units against the phone's unpaid units in the session, refusing (409
     * held-units-cap) what would go over the cap; the lifecycle gives the units back when the order
     * leaves PLACED.
     */
    private void holdUnpaid(long sessionId, String phone, long units) {
        int cap = settings.heldUnits().maxPerPhone();
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

    /**
     * Counts units of the item against the phone's per-buyer limit (409 buyer-limit over it).
     *
     * @param limit the limit to keep: the caller's copy's, or the database's as a revival reads it
     */
    public void countForBuyer(long itemId, String code, String productName, long limit, String phone, long units) {
        OptionalLong refused = takeWithin(PhoneCounter.BOUGHT_OF_ITEM, itemId, phone, units, limit);
        if (refused.isPresent()) {
            throw ProblemException.conflict("buyer-limit", "Over the limit per buyer",
                    code + " (" + productName + ") is limited to " + limit
                            + " per buyer; this phone number already has " + refused.getAsLong() + " in its orders")
                    .with("itemCode", code)
                    .with("limit", limit)
                    .with("alreadyOrdered", refused.getAsLong());
        }
    }

    /** Leaving PLACED (confirmed, paid, cancelled or expired), the order no longer counts against the phone's cap. */
    public void giveBackUnpaid(long sessionId, String phone, long units) {
        giveBack(PhoneCounter.HELD_IN_SESSION, sessionId, phone, units);
    }

    /** Units cancelled or expired no longer count against the phone's per-buyer limit. */
    public void giveBackForBuyer(long itemId, String phone, long units) {
        giveBack(PhoneCounter.BOUGHT_OF_ITEM, itemId, phone, units);
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
            // One round trip for both usual cases: the UPDATE adds to the phone's row, or the INSERT
            // makes its first (after an UPDATE that added, it finds the row and does nothing). Both
            // missing: the row is over the limit, or another order inserted it meanwhile.
            int[] counts = sql.updateAll(addWithin(counter, owner, phone, units, limit),
                    new PlainSql.Statement("INSERT IGNORE INTO " + counter.table + " (" + counter.ownerColumn
                            + ", buyer_phone, units) VALUES (?, ?, ?)", owner, phone, units));
            if (counts[0] == 1 || counts[1] == 1
                    || sql.update(addWithin(counter, owner, phone, units, limit)) == 1) {
                return OptionalLong.empty();
            }
        }
        List<?> already = em.createNativeQuery("SELECT units FROM " + counter.table + " WHERE " + counter.ownerColumn
                + " = ?1 AND buyer_phone = ?2")
                .setParameter(1, owner).setParameter(2, phone).getResultList();
        return OptionalLong.of(already.isEmpty() ? 0 : ((Number) already.get(0)).longValue());
    }

    private static PlainSql.Statement addWithin(PhoneCounter counter, long owner, String phone, long units,
            long limit) {
        return new PlainSql.Statement("UPDATE " + counter.table + " SET units = units + ? WHERE " + counter.ownerColumn
                + " = ? AND buyer_phone = ? AND units + ? <= ?", units, owner, phone, units, limit);
    }

    /**
     * A statement that writes only {@code table}, an entity's: Hibernate first flushes what is pending
     * for that table (a read-model change of the same transaction lands before the count), and
     * afterwards forgets only its cached state, instead of checking every entity of the session before
     * the statement and visiting every entity type after it. The counters' tables, which no entity
     * maps, are written with {@link PlainSql}.
     */
    private NativeQuery<?> statement(String text, String table) {
        return em.createNativeQuery(text).unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    }

    private void giveBack(PhoneCounter counter, long owner, String phone, long units) {
        sql.update("UPDATE " + counter.table + " SET units = GREATEST(units - ?, 0) WHERE " + counter.ownerColumn
                + " = ? AND buyer_phone = ?", units, owner, phone);
    }
}
