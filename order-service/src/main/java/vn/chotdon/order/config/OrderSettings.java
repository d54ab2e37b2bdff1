package vn.chotdon.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The settings of placing and holding orders, {@code chotdon.orders.*}, each default written here once. */
@ConfigMapping(prefix = "chotdon.orders")
public interface OrderSettings {

    /** How often holds that ran out are expired (HoldExpiry's schedule reads the same key). */
    @WithDefault("15s")
    Duration expiryInterval();

    /** How long an item just found sold out is refused from memory before the database is asked again. */
    @WithDefault("1s")
    Duration soldOutMemory();

    /**
     * How old a session and its lineup read from the database may be and still answer a refusal
     * (not live, not on the lineup, not enough left) without reading them again; see LiveLineups.
     */
    @WithDefault("1s")
    Duration lineupMaxAge();

    /**
     * How old this instance's copy of a cooperative's default receiving account may be when it
     * names the account of a new bank-transfer order (read again after that; at once on this
     * instance when the account changes, within this time on the others).
     */
    @WithDefault("5s")
    Duration receivingAccountMaxAge();

    /** How long an Idempotency-Key and its stored answer are kept. */
    @WithDefault("P2D")
    Duration idempotencyRetention();

    /**
     * The most order requests one instance holds open at once (waiting for a worker thread, the
     * database or a key read); one more is answered 503 orders-busy at once, with Retry-After. Each
     * open request holds heap, about 13–20 KB in a flash sale, and an instance whose heap runs out
     * answers nobody: in the benchmark's flash of twice the taps (its load generator keeps at most
     * 8,000 open), order-service kept up to 123 MB of its 160 MB heap after a full collection.
     */
    @WithDefault("8000")
    @Min(1)
    int maxOpenRequests();

    HeldUnits heldUnits();

    ReadModel readModel();

    /**
     * The cap on units one buyer phone may hold unpaid in one session: units of its PLACED orders,
     * neither confirmed, paid, cancelled nor expired. It keeps one phone from locking up a flash
     * sale's quota with orders it never means to pay; orders confirmed or paid no longer count.
     */
    interface HeldUnits {

        /** Units one normalised phone may hold in PLACED orders of one session. */
        @WithDefault("20")
        @Min(1)
        int maxPerPhone();
    }

    /** The copy of livestream-service's sessions and lineups, kept from its events. */
    interface ReadModel {

        /** Off only where a test feeds the read model by itself. */
        @WithName("enabled")
        @WithDefault("true")
        boolean enabled();
    }
}
