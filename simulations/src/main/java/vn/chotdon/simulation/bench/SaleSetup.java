package vn.chotdon.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.chotdon.simulation.DevTokens;

/**
 * Opens a sale the way a cooperative does, through the real APIs: the cooperative, a household
 * and products with stock in catalog-service, a session and its lineup in livestream-service
 * (which reserves the quotas in catalog), then the start; order-service learns all of it from
 * livestream-service's events, as in production.
 */
final class SaleSetup {

    /** One lineup item to offer: code, product name, live price, quota. */
    record Offer(String code, String name, long priceVnd, long quota) {
    }

    private final Services services;
    private final String admin = DevTokens.admin();

    SaleSetup(Services services) {
        this.services = services;
    }

    Sale open(String title, List<Offer> offers, int perBuyerLimit) throws InterruptedException {
        String catalog = services.catalog;
        String livestream = services.livestream;
        long coop = services.post(catalog + "/cooperatives", admin, Map.of("name", "HTX Benchmark " + title,
                "province", "Hà Nội", "commune", "Xã Đan Phượng", "phone", "024 3388 1234")).path("id").asLong();
        String owner = DevTokens.owner(coop);
        long household = services.post(catalog + "/cooperatives/" + coop + "/members", owner, Map.of("name",
                "Hộ bà Nguyễn Thị Thanh Huệ", "phone", "0912 345 678", "commune", "Xã Đan Phượng")).path("id").asLong();
        long session = services.post(livestream + "/sessions", owner, Map.of("cooperativeId", coop,
                "title", "Benchmark: " + title, "platform", "TIKTOK", "hostName", "Chị Thanh Huệ",
                "scheduledStart", OffsetDateTime.now().plusMinutes(1).toString(), "expectedMinutes", 30,
                "holdMinutes", 120)).path("id").asLong();
        List<Sale.Item> items = new ArrayList<>();
        for (Offer offer : offers) {
            long product = services.post(catalog + "/products", owner, Map.of("cooperativeId", coop,
                    "memberId", household, "name", offer.name(), "unit", "CAI", "priceVnd", offer.priceVnd(),
                    "originCommune", "Xã Đan Phượng, Hà Nội")).path("id").asLong();
            services.post(catalog + "/products/" + product + "/activate", owner, null);
            services.post(catalog + "/products/" + product + "/stock/receipts", owner,
                    Map.of("quantity", offer.quota(), "note", "Hàng cho phiên benchmark"));
            long item = services.post(livestream + "/sessions/" + session + "/lineup", owner, Map.of("code", offer.code(),
                    "productId", product, "livePriceVnd", offer.priceVnd(), "quota", offer.quota(),
                    "perBuyerLimit", perBuyerLimit)).path("id").asLong();
            items.add(new Sale.Item(offer.code(), product, item, offer.quota(), offer.priceVnd()));
        }
        services.post(livestream + "/sessions/" + session + "/start", owner, null);
        awaitOrderable(session, items.size());
        return new Sale(coop, owner, session, List.copyOf(items));
    }

    /** order-service takes the session from livestream-service's events: wait until it sells every item. */
    private void awaitOrderable(long session, int items) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode known = services.get(services.order + "/sessions/" + session + "/orderable", null);
            if (known != null && "LIVE".equals(known.path("status").asText()) && known.path("items").size() == items) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("order-service did not learn session " + session + " within 60 s");
    }
}
