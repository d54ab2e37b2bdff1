package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.livestream.LineupItemData;
import vn.chotdon.events.livestream.SessionData;
import vn.chotdon.testing.EventPublisher;

/**
 * A live sale as livestream-service announces it: session and lineup events published to the
 * real Kafka topic, then awaited in order-service's read model. Ids are random per test run so
 * that events left on the broker by earlier runs never collide. The session belongs to
 * {@link #COOPERATIVE} unless another cooperative is named: act as its owner or staff
 * ({@code TestTokens.owner(cooperativeId)}) to handle its orders.
 */
final class LiveSale {

    /** The cooperative that runs the sales of most tests. */
    static final long COOPERATIVE = 7;

    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000) * 1000);

    final long sessionId = IDS.incrementAndGet();
    final long cooperativeId;
    private final Map<Long, LineupItemData> items = new HashMap<>();
    private long sessionVersion;
    private String status = "SCHEDULED";
    private int holdMinutes = 30;
    private boolean autoConfirmCod;

    LiveSale() {
        this(COOPERATIVE);
    }

    LiveSale(long cooperativeId) {
        this.cooperativeId = cooperativeId;
    }

    /** A cooperative id no other test uses, for tests that look at everything one cooperative sees. */
    static long newCooperative() {
        return IDS.incrementAndGet();
    }

    LiveSale holdMinutes(int minutes) {
        holdMinutes = minutes;
        return this;
    }

    LiveSale autoConfirmCod() {
        autoConfirmCod = true;
        return this;
    }

    /** Publishes the session as scheduled and then opened, with nothing on its lineup yet. */
    LiveSale open() {
        return schedule().goLive();
    }

    /** Publishes the session as scheduled, not yet taking orders. */
    LiveSale schedule() {
        publishSession(LivestreamEventTypes.SESSION_SCHEDULED, "SCHEDULED");
        return this;
    }

    /** Publishes the scheduled session as opened and waits until order-service knows it LIVE. */
    LiveSale goLive() {
        publishSession(LivestreamEventTypes.SESSION_OPENED, "LIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> "LIVE".equals(
                given().get("/sessions/" + sessionId + "/orderable").then().extract().path("status")));
        return this;
    }

    LiveSale end() {
        publishSession(LivestreamEventTypes.SESSION_ENDED, "ENDED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ENDED".equals(
                given().get("/sessions/" + sessionId + "/orderable").then().extract().path("status")));
        return this;
    }

    /** Adds an item and waits until order-service shows it (orderable once the session is LIVE). */
    long item(String code, String productName, long priceVnd, long quota, Integer perBuyerLimit) {
        long itemId = newItemId();
        announceItem(itemId, code, productName, priceVnd, quota, perBuyerLimit);
        awaitOrderable(itemId);
        return itemId;
    }

    /** An id for an item of this sale that livestream-service has not announced yet. */
    static long newItemId() {
        return IDS.incrementAndGet();
    }

    /** Publishes the item's LINEUP_ITEM_ADDED event, without waiting for order-service to apply it. */
    void announceItem(long itemId, String code, String productName, long priceVnd, long quota, Integer perBuyerLimit) {
        LineupItemData data = new LineupItemData(sessionId, itemId, code, itemId + 100, productName, "CAI", priceVnd,
                quota, perBuyerLimit, items.size() + 1, false, false, 1);
        items.put(itemId, data);
        publish(LivestreamEventTypes.LINEUP_ITEM_ADDED, data);
    }

    /** Publishes a change of the item's live price, without waiting for order-service to apply it. */
    void announcePrice(long itemId, long priceVnd) {
        LineupItemData old = items.get(itemId);
        LineupItemData data = new LineupItemData(sessionId, itemId, old.code(), old.productId(), old.productName(),
                old.unit(), priceVnd, old.quota(), old.perBuyerLimit(), old.displayOrder(), old.pinned(), false,
                old.version() + 1);
        items.put(itemId, data);
        publish(LivestreamEventTypes.LINEUP_ITEM_CHANGED, data);
    }

    /** Changes an item's live price and quota, as livestream-service does while LIVE. */
    void changeItem(long itemId, long priceVnd, long quota) {
        LineupItemData old = items.get(itemId);
        LineupItemData data = new LineupItemData(sessionId, itemId, old.code(), old.productId(), old.productName(),
                old.unit(), priceVnd, quota, old.perBuyerLimit(), old.displayOrder(), old.pinned(), false,
                old.version() + 1);
        items.put(itemId, data);
        publish(LivestreamEventTypes.LINEUP_ITEM_CHANGED, data);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(priceVnd).equals(given()
                .get("/sessions/" + sessionId + "/orderable").then().extract().jsonPath()
                .getLong("items.find { it.itemId == " + itemId + " }.livePriceVnd")));
    }

    private void awaitOrderable(long itemId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var json = given().get("/sessions/" + sessionId + "/orderable").then().extract().jsonPath();
            return status.equals(json.getString("status"))
                    && json.getList("items.itemId", Long.class).contains(itemId);
        });
    }

    private void publishSession(String type, String newStatus) {
        status = newStatus;
        SessionData data = new SessionData(sessionId, cooperativeId, "Phiên bánh gio Đan Phượng", "TIKTOK", status,
                null, null, null, holdMinutes, autoConfirmCod, ++sessionVersion);
        publish(type, data);
    }

    private void publish(String type, Object data) {
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publish(Topics.LIVESTREAM_SESSIONS, Long.toString(sessionId), EventPublisher.envelope(
                    LivestreamEventTypes.SOURCE, type, LivestreamEventTypes.SCHEMA_VERSION,
                    LivestreamEventTypes.AGGREGATE_SESSION, Long.toString(sessionId), data));
        }
    }

    /** A valid order body for this session. */
    Map<String, Object> order(String code, int quantity, String phone) {
        return Map.of("sessionId", sessionId,
                "items", java.util.List.of(Map.of("code", code, "quantity", quantity)),
                "buyerName", "Chị Lan", "phone", phone,
                "address", Map.of("province", "Hà Nội", "commune", "Xã Đan Phượng", "detail", "Thôn Thượng Thôn, số 12"),
                "paymentMethod", "COD", "note", "Gọi trước khi giao");
    }
}
