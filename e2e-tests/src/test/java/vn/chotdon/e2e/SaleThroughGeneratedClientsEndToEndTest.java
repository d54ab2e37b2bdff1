package vn.chotdon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.chotdon.client.catalog.api.CooperativesApi;
import vn.chotdon.client.catalog.api.ProductsApi;
import vn.chotdon.client.catalog.api.StockApi;
import vn.chotdon.client.catalog.model.Cooperative;
import vn.chotdon.client.catalog.model.CooperativeDetails;
import vn.chotdon.client.catalog.model.Member;
import vn.chotdon.client.catalog.model.MemberDetails;
import vn.chotdon.client.catalog.model.Product;
import vn.chotdon.client.catalog.model.ProductDraft;
import vn.chotdon.client.catalog.model.Reservation;
import vn.chotdon.client.catalog.model.Stock;
import vn.chotdon.client.catalog.model.StockLedgerEntry;
import vn.chotdon.client.catalog.model.StockMovementRequest;
import vn.chotdon.client.livestream.api.LineupApi;
import vn.chotdon.client.livestream.model.LineupItem;
import vn.chotdon.client.livestream.model.LineupItemDraft;
import vn.chotdon.client.livestream.model.Session;
import vn.chotdon.client.livestream.model.SessionDraft;
import vn.chotdon.client.livestream.model.StreamPlatform;
import vn.chotdon.client.order.ApiException;
import vn.chotdon.client.order.api.BuyerApi;
import vn.chotdon.client.order.api.OrdersApi;
import vn.chotdon.client.order.model.DeliveryAddress;
import vn.chotdon.client.order.model.ItemTally;
import vn.chotdon.client.order.model.Order;
import vn.chotdon.client.order.model.OrderLine;
import vn.chotdon.client.order.model.OrderReceipt;
import vn.chotdon.client.order.model.OrderableSession;
import vn.chotdon.client.order.model.PaymentMethod;
import vn.chotdon.client.order.model.PlaceOrder;
import vn.chotdon.client.order.model.PlaceOrderItem;
import vn.chotdon.client.order.model.Tally;
import vn.chotdon.testing.TestTokens;

/**
 * One whole live sale written as a front-end team would write it: only with the Java clients that
 * OpenAPI Generator made from the services' documents (module api-clients), never with hand-written
 * URLs or JSON. The admin registers a cooperative; its owner adds a member household, two products and
 * their stock, plans a session, lines the products up and goes live; buyers without accounts order,
 * one cancels with the token her order came with; staff confirm and take payment; the tally must
 * count exactly those orders, and once the session ends, catalog's reservations, stock and ledger
 * must follow them. Every answer is checked against its service's document as well.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleThroughGeneratedClientsEndToEndTest {

    private static final long GIO_STOCK = 200;
    private static final long CHUNG_STOCK = 100;
    private static final DeliveryAddress ADDRESS = new DeliveryAddress().province(DeliveryAddress.ProvinceEnum.fromValue("Hà Nội")).commune("Xã Đan Phượng")
            .detail("Thôn Thượng Thôn, số 12");

    private LiveSystem system;

    @BeforeAll
    void startTheSystem() {
        system = LiveSystem.start();
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void aWholeSaleGoesThroughTheClientsGeneratedFromTheDocuments() throws Exception {
        GeneratedClients platformAdmin = GeneratedClients.as(TestTokens.admin(), system, 1);
        Cooperative cooperative = new CooperativesApi(platformAdmin.catalog).registerCooperative(new CooperativeDetails()
                .name("HTX Nông nghiệp Đan Phượng").province("Hà Nội").commune("Xã Đan Phượng").phone("0912345678"));

        GeneratedClients owner = GeneratedClients.as(TestTokens.owner(cooperative.getId()), system, 1);
        Member member = new CooperativesApi(owner.catalog).addMember(cooperative.getId(), new MemberDetails()
                .name("Hộ bà Nguyễn Thị Huệ").phone("0987654321").commune("Xã Đan Phượng"));
        Product gio = product(owner, cooperative, member, "Bánh gio Thanh Huệ", 15000, GIO_STOCK);
        Product chung = product(owner, cooperative, member, "Bánh chưng Tranh Khúc", 60000, CHUNG_STOCK);

        var sessions = new vn.chotdon.client.livestream.api.SessionsApi(owner.livestream);
        Session session = sessions.planSession(new SessionDraft().cooperativeId(cooperative.getId())
                .title("Chốt đơn bánh gio tối thứ Sáu").platform(StreamPlatform.TIKTOK)
                .scheduledStart(OffsetDateTime.now().plusMinutes(5)).holdMinutes(30));
        assertThat(String.valueOf(session.getStatus())).isEqualTo("SCHEDULED");
        LineupApi lineup = new LineupApi(owner.livestream);
        LineupItem bg01 = lineup.addLineupItem(session.getId(), new LineupItemDraft().code("BG01")
                .productId(gio.getId()).livePriceVnd(15000L).quota(50L));
        LineupItem bc02 = lineup.addLineupItem(session.getId(), new LineupItemDraft().code("BC02")
                .productId(chung.getId()).livePriceVnd(55000L).quota(20L).perBuyerLimit(2));
        assertThat(bc02.getPerBuyerLimit()).isEqualTo(2);
        assertThat(String.valueOf(sessions.startSession(session.getId()).getStatus())).isEqualTo("LIVE");

        // Buyers reach the other instance of each service, as their load balancer may send them.
        GeneratedClients buyer = GeneratedClients.anonymous(system, 2);
        var orderableSessions = new vn.chotdon.client.order.api.SessionsApi(buyer.order);
        await().atMost(Duration.ofSeconds(60)).ignoreException(ApiException.class).until(() -> {
            OrderableSession orderable = orderableSessions.getOrderableSession(session.getId());
            return "LIVE".equals(String.valueOf(orderable.getStatus())) && orderable.getItems().size() == 2;
        });

        OrdersApi buyers = new OrdersApi(buyer.order);
        PlaceOrder first = order(session, "0977000101", PaymentMethod.COD, item("BG01", 3));
        String firstKey = UUID.randomUUID().toString();
        OrderReceipt a = buyers.placeOrder(first, firstKey);
        assertThat(buyers.placeOrder(first, firstKey).getOrder().getId())
                .as("the same Idempotency-Key gives the first order back").isEqualTo(a.getOrder().getId());
        OrderReceipt b = buyers.placeOrder(order(session, "0977000102", PaymentMethod.BANK_TRANSFER,
                item("BG01", 2), item("BC02", 1)), UUID.randomUUID().toString());
        OrderReceipt c = buyers.placeOrder(order(session, "0977000103", PaymentMethod.COD, item("BC02", 2)),
                UUID.randomUUID().toString());
        OrderReceipt d = buyers.placeOrder(order(session, "0977000104", PaymentMethod.COD, item("BG01", 1)),
                UUID.randomUUID().toString());
        ApiException overLimit = catchThrowableOfType(ApiException.class, () -> buyers.placeOrder(
                order(session, "0977000103", PaymentMethod.COD, item("BC02", 1)), UUID.randomUUID().toString()));
        assertThat(overLimit).as("a third BC02 for the same phone").isNotNull();
        assertThat(overLimit.getCode()).isEqualTo(409);
        assertThat(overLimit.getResponseBody()).contains("https://chotdon.vn/problems/buyer-limit");

        BuyerApi ownOrder = new BuyerApi(buyer.order);
        assertThat(ownOrder.getMyOrder(d.getOrder().getCode(), d.getAccessToken()).getId()).isEqualTo(d.getOrder().getId());
        assertThat(String.valueOf(ownOrder.cancelMyOrder(d.getOrder().getCode(), d.getAccessToken()).getStatus()))
                .isEqualTo("CANCELLED");

        OrdersApi staff = new OrdersApi(owner.order);
        assertThat(String.valueOf(staff.confirmOrder(a.getOrder().getId()).getStatus())).isEqualTo("CONFIRMED");
        assertThat(String.valueOf(staff.confirmOrder(b.getOrder().getId()).getStatus())).isEqualTo("CONFIRMED");
        assertThat(String.valueOf(staff.payOrder(b.getOrder().getId()).getStatus())).isEqualTo("PAID");

        List<Order> orders = new ArrayList<>();
        for (OrderReceipt receipt : List.of(a, b, c, d)) {
            orders.add(staff.getOrder(receipt.getOrder().getId()));
        }
        assertThat(orders).extracting(o -> String.valueOf(o.getStatus()))
                .containsExactly("CONFIRMED", "PAID", "PLACED", "CANCELLED");

        var tallies = new vn.chotdon.client.order.api.SessionsApi(owner.order);
        Tally tally = tallies.getTally(session.getId());
        Map<String, Units> expected = unitsByCode(orders);
        assertThat(expected.get("BG01")).isEqualTo(new Units(0, 5, 2, 1));
        assertThat(expected.get("BC02")).isEqualTo(new Units(2, 1, 1, 0));
        Map<String, Long> quotas = Map.of("BG01", bg01.getQuota(), "BC02", bc02.getQuota());
        for (ItemTally item : tally.getItems()) {
            Units units = expected.get(item.getCode());
            assertThat(new Units(item.getHeld(), item.getConfirmed(), item.getPaid(), item.getCancelled()))
                    .as("%s in the tally = in the orders", item.getCode()).isEqualTo(units);
            assertThat(item.getRemaining()).isEqualTo(quotas.get(item.getCode()) - units.held() - units.confirmed());
        }
        assertThat(tally.getItems()).extracting(ItemTally::getCode).containsExactlyInAnyOrder("BG01", "BC02");
        assertThat(tally.getTotals().getOrders()).isEqualTo((long) orders.size());
        assertThat(tally.getTotals().getRevenueVnd()).as("confirmed units at their live prices")
                .isEqualTo(5 * 15000L + 55000L);
        assertThat(tally.getTotals().getPaidVnd()).isEqualTo(b.getOrder().getTotalVnd());

        Session ended = sessions.endSession(session.getId());
        assertThat(String.valueOf(ended.getStatus())).isEqualTo("ENDED");

        StockApi stock = new StockApi(owner.catalog);
        Map<Long, Units> byProduct = Map.of(gio.getId(), expected.get("BG01"), chung.getId(), expected.get("BC02"));
        Map<Long, Long> stockAtStart = Map.of(gio.getId(), GIO_STOCK, chung.getId(), CHUNG_STOCK);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (Map.Entry<Long, Units> sold : byProduct.entrySet()) {
                long product = sold.getKey();
                Units units = sold.getValue();
                Reservation reservation = stock.getReservation(product, session.getId());
                assertThat(reservation.getSold()).as("product %d sold = confirmed in the tally", product)
                        .isEqualTo(units.confirmed());
                assertThat(reservation.getQuantity()).as("product %d: what the ended session keeps", product)
                        .isEqualTo(units.confirmed() + units.held());
                Stock now = stock.getStock(product);
                assertThat(now.getOnHand()).as("product %d: the sold units left the stock", product)
                        .isEqualTo(stockAtStart.get(product) - units.confirmed());
                List<StockLedgerEntry> ledger = stock.getStockLedger(product, 0, 100).getItems();
                assertThat(ledger.stream().filter(e -> "SALE".equals(String.valueOf(e.getKind()))
                        && session.getId().equals(e.getSessionId())).mapToLong(e -> -e.getReservedDelta()).sum())
                        .as("product %d: the ledger's sales = confirmed in the tally", product)
                        .isEqualTo(units.confirmed());
                StockLedgerEntry latest = ledger.stream().max((x, y) -> Long.compare(x.getId(), y.getId())).orElseThrow();
                assertThat(List.of(latest.getAvailableAfter(), latest.getReservedAfter()))
                        .as("product %d: the latest ledger entry left the stock as it is", product)
                        .containsExactly(now.getAvailable(), now.getReserved());
            }
        });
    }

    private static Product product(GeneratedClients owner, Cooperative cooperative, Member member, String name,
            long priceVnd, long units) throws Exception {
        // Built from JSON as a front end sends it: the unit is a code or a Vietnamese word ("CAI" or "cái").
        ProductDraft draft = owner.catalog.getObjectMapper().convertValue(Map.of("cooperativeId", cooperative.getId(),
                "memberId", member.getId(), "name", name, "unit", "CAI", "priceVnd", priceVnd), ProductDraft.class);
        ProductsApi products = new ProductsApi(owner.catalog);
        Product product = products.createProduct(draft);
        assertThat(String.valueOf(products.activateProduct(product.getId()).getStatus())).isEqualTo("ACTIVE");
        var receipt = new StockApi(owner.catalog).receiveStock(product.getId(),
                new StockMovementRequest().quantity(units).note("Mẻ bánh sáng thứ Sáu"));
        assertThat(String.valueOf(receipt.getKind())).isEqualTo("RECEIPT");
        assertThat(receipt.getAvailableAfter()).isEqualTo(units);
        return product;
    }

    private static PlaceOrder order(Session session, String phone, PaymentMethod payment, PlaceOrderItem... items) {
        return new PlaceOrder().sessionId(session.getId()).items(List.of(items)).buyerName("Trần Thị Bích")
                .phone(phone).address(ADDRESS).paymentMethod(payment);
    }

    private static PlaceOrderItem item(String code, int quantity) {
        return new PlaceOrderItem().code(code).quantity(quantity);
    }

    /** Units of each lineup code in the orders, by what their orders have become (as the tally counts them). */
    private static Map<String, Units> unitsByCode(List<Order> orders) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Order order : orders) {
            String status = String.valueOf(order.getStatus());
            for (OrderLine line : order.getLines()) {
                long[] c = counts.computeIfAbsent(line.getCode(), code -> new long[4]);
                switch (status) {
                    case "PLACED" -> c[0] += line.getQuantity();
                    case "CONFIRMED", "SHIPPED", "DELIVERED" -> c[1] += line.getQuantity();
                    case "PAID" -> {
                        c[1] += line.getQuantity();
                        c[2] += line.getQuantity();
                    }
                    default -> c[3] += line.getQuantity();
                }
            }
        }
        Map<String, Units> units = new HashMap<>();
        counts.forEach((code, c) -> units.put(code, new Units(c[0], c[1], c[2], c[3])));
        return units;
    }

    /** Units held (PLACED), confirmed (paid included), paid, and cancelled or expired. */
    private record Units(long held, long confirmed, long paid, long cancelled) {
    }
}
