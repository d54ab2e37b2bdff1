package vn.chotdon.catalog.settlement.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.platform.consumer.EventSubscriptions;

/**
 * Follows order-service's events into the settlement ledger, as its own consumer group
 * ({@code <prefix>.settlement}) so that it can be replayed or fall behind without touching the
 * stock ledger. The platform's consumer applies a poll's events in one transaction with their
 * processed-event records: each event counts once however often it is delivered.
 */
@ApplicationScoped
public class SettlementEvents {

    private final EventSubscriptions subscriptions;
    private final SettlementLedger ledger;
    private final ObjectMapper json;
    private final boolean enabled;

    SettlementEvents(EventSubscriptions subscriptions, SettlementLedger ledger, ObjectMapper json,
            @ConfigProperty(name = "chotdon.catalog.settlement.enabled", defaultValue = "true") boolean enabled) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.json = json;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            subscriptions.subscribe("settlement", Topics.ORDERS, this::apply);
        }
    }

    void apply(EventEnvelope<JsonNode> event) throws Exception {
        ledger.apply(json.treeToValue(event.data(), OrderData.class), event.time());
    }
}
