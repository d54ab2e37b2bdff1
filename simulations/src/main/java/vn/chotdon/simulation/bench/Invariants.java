package vn.chotdon.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a scenario, what must hold whatever the speed: nothing oversold (in order-service's
 * database and in its API), no duplicate order (one per key, as many as the 201s), and the
 * tally, the live board and the stock ledger agreeing on every item once the events settled.
 */
final class Invariants {

    record Check(String name, boolean holds, String detail) {
    }

    private final Services services;
    private final Database database;

    Invariants(Services services, Database database) {
        this.services = services;
        this.database = database;
    }

    /** unsettled: null once the views showed every unit, else what to say before the three-way comparison. */
    List<Check> check(Sale sale, Answers answers, JsonNode board, String unsettled) throws Exception {
        List<Check> checks = new ArrayList<>();
        Map<Long, long[]> quotaAndTaken = new HashMap<>();
        long orders;
        long distinctKeys;
        try (Connection c = database.connect("chotdon_order")) {
            try (PreparedStatement q = c.prepareStatement("SELECT item_id, quota, taken FROM lineup_item WHERE session_id = ?")) {
                q.setLong(1, sale.sessionId());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        quotaAndTaken.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT COUNT(*), COUNT(DISTINCT idempotency_key) FROM orders WHERE session_id = ?")) {
                q.setLong(1, sale.sessionId());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    orders = rs.getLong(1);
                    distinctKeys = rs.getLong(2);
                }
            }
        }
        StringBuilder db = new StringBuilder();
        boolean dbHolds = quotaAndTaken.size() == sale.items().size();
        for (Sale.Item item : sale.items()) {
            long[] qt = quotaAndTaken.getOrDefault(item.itemId(), new long[] {0, Long.MAX_VALUE});
            dbHolds &= qt[1] <= qt[0];
            db.append(item.code()).append(" taken ").append(qt[1]).append("/").append(qt[0]).append("  ");
        }
        checks.add(new Check("no oversell in order-service's database", dbHolds, db.toString().strip()));

        JsonNode tally = services.get(services.order + "/sessions/" + sale.sessionId() + "/tally", sale.ownerToken());
        Map<String, Long> tallyUnits = new HashMap<>();
        boolean apiHolds = tally != null;
        StringBuilder api = new StringBuilder();
        if (tally != null) {
            for (JsonNode item : tally.path("items")) {
                long placed = item.path("held").asLong() + item.path("confirmed").asLong();
                apiHolds &= placed <= item.path("quota").asLong() && item.path("remaining").asLong() >= 0;
                tallyUnits.put(item.path("code").asText(), placed + item.path("cancelled").asLong());
                api.append(item.path("code").asText()).append(" ").append(placed).append("/")
                        .append(item.path("quota").asLong()).append("  ");
            }
        }
        checks.add(new Check("no oversell in the API (tally)", apiHolds, api.toString().strip()));

        long accepted = answers.count(Outcome.ACCEPTED);
        Set<String> orderIds = new HashSet<>();
        for (String receipt : answers.receipts()) {
            orderIds.add(Services.read(receipt).path("order").path("id").asText());
        }
        checks.add(new Check("no duplicate: one order per key", orders == distinctKeys,
                orders + " orders, " + distinctKeys + " distinct idempotency keys"));
        // A tap that timed out may still have been committed: its outcome is unknown, not a duplicate.
        long unanswered = answers.count(Outcome.TRANSPORT_ERROR);
        checks.add(new Check("no duplicate: orders = 201 answers (+ taps never answered)",
                orderIds.size() == accepted && orders >= accepted && orders <= accepted + unanswered,
                orders + " orders in the database, " + accepted + " 201 answers naming " + orderIds.size()
                        + " distinct orders, " + unanswered + " taps never answered"));

        Map<String, Long> boardUnits = new HashMap<>();
        if (board != null) {
            for (JsonNode item : board.path("items")) {
                boardUnits.put(item.path("code").asText(), item.path("ordered").asLong());
            }
        }
        boolean agree = tally != null && board != null;
        StringBuilder three = new StringBuilder();
        for (Sale.Item item : sale.items()) {
            JsonNode reservation = services.get(services.catalog + "/products/" + item.productId() + "/reservations/"
                    + sale.sessionId(), sale.ownerToken());
            long ledger = reservation == null ? -1 : reservation.path("held").asLong() + reservation.path("sold").asLong();
            long t = tallyUnits.getOrDefault(item.code(), -1L);
            long b = boardUnits.getOrDefault(item.code(), -1L);
            agree &= t == b && t == ledger;
            three.append(item.code()).append(" ").append(t).append(" = ").append(b).append(" = ").append(ledger).append("  ");
        }
        checks.add(new Check("tally = board = ledger (units ordered, per item)", agree,
                (unsettled == null ? "" : unsettled) + three.toString().strip()));
        return checks;
    }
}
