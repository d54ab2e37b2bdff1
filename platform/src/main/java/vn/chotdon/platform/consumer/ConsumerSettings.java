package vn.chotdon.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service's Kafka consumers retry, park, restart, report and forget ({@code chotdon.consumers.*}). */
@ConfigMapping(prefix = "chotdon.consumers")
public interface ConsumerSettings {

    /**
     * Put before each subscription's name to make its Kafka consumer group and the key of its
     * processed-event records: {@code order-service.read-model}. The platform sets it to
     * {@code ${quarkus.application.name}}; tests give their own.
     */
    String groupPrefix();

    /**
     * At most this many events of a poll are applied in one transaction (one commit), their
     * processed-event records with them. Should the batch fail, its events are applied again one
     * by one, each with the retries and parking below. 1 gives each event its own transaction.
     */
    @WithDefault("200")
    int batchSize();

    Retry retry();

    Health health();

    Restart restart();

    Retention retention();

    /** A handler that keeps failing on an event: retried this often, then the event is parked. */
    interface Retry {

        /** Attempts before the event is parked (failures caused by an unreachable database do not count). */
        @WithDefault("5")
        int maxAttempts();

        /** The event is parked earlier than after {@link #maxAttempts()} once its retries have taken this long. */
        @WithDefault("2m")
        Duration budget();

        /** Wait after the first failure; doubled after each next one, up to {@link #maxBackoff()}. */
        @WithDefault("0.5s")
        Duration firstBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** When readiness says a subscription is DOWN. */
    interface Health {

        /** Retrying one event, or waiting for the database, for longer than this. */
        @WithDefault("2m")
        Duration stalledAfter();

        /** More records than this on the topic that the subscription has not applied or parked yet. */
        @WithDefault("10000")
        long maxLag();
    }

    /** A subscription whose consumer stopped unexpectedly starts a new one after this wait, doubled up to the maximum. */
    interface Restart {

        @WithDefault("1s")
        Duration firstBackoff();

        @WithDefault("1m")
        Duration maxBackoff();
    }

    /** What is deleted, and when. Every instance runs the job; each deletes small batches in short transactions. */
    interface Retention {

        /**
         * How long a processed-event record is kept. It must be longer than the retention of every
         * topic the service consumes (Kafka's default is 7 days): as long as an event can still be
         * delivered again (a rebalance, a reset of the group's offsets, a replay of the topic), its
         * record must be there to recognise it, or it would be applied twice.
         */
        @WithDefault("P14D")
        Duration processedEvents();

        /** How long a parked event is kept once it was replayed. Parked events not replayed stay until someone looks at them. */
        @WithDefault("P30D")
        Duration replayedParkedEvents();

        /** Rows deleted per statement. */
        @WithDefault("1000")
        int batchSize();

        /** How often the job runs. */
        @WithDefault("1h")
        Duration interval();
    }
}
