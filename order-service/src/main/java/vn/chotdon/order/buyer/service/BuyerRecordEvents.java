package vn.chotdon.order.buyer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.platform.consumer.EventHandler;
import vn.chotdon.platform.consumer.EventSubscriptions;

/**
 * Follows order-service's own order events into its buyers' records, as a consumer group of its own
 * ({@code <prefix>.buyer-records}), apart from the read model: it can be replayed or fall behind
 * without touching placement. The platform's consumer applies a poll's events in one transaction
 * with their processed-event records, so each event counts once however often it is delivered.
 * A new group starts at the topic's first record: a record counts the events the topic still holds
 * (7 days in Kubernetes) when the consumer first runs, and everything after.
 */
@ApplicationScoped
public class BuyerRecordEvents {

    private final EventSubscriptions subscriptions;
    private final BuyerRecordLedger ledger;
    private final ObjectMapper json;

    BuyerRecordEvents(EventSubscriptions subscriptions, BuyerRecordLedger ledger, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribe("buyer-records", Topics.ORDERS, new RecordEvents());
    }

    /** Gathers the transaction's events; the ledger writes them at its end. */
    private final class RecordEvents implements EventHandler {

        @Override
        public void handle(EventEnvelope<JsonNode> event) throws Exception {
            ledger.gather(json.treeToValue(event.data(), OrderData.class));
        }

        @Override
        public void beforeCommit() {
            ledger.writeGathered();
        }
    }
}
