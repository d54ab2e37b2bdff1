package vn.chotdon.platform.parking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event a consumer gave up on: the Kafka record as it came (topic, partition, offset, key,
 * value), what could be read of it, and the last error. Rows are written by
 * {@link ParkedEvents#park} only.
 */
@Entity
@Table(name = "parked_event")
public class ParkedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The consumer group, e.g. {@code order-service.read-model}. */
    @Column(nullable = false, updatable = false)
    public String consumer;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "kafka_partition", nullable = false, updatable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false, updatable = false)
    public long offset;

    @Column(name = "record_key", updatable = false)
    public String recordKey;

    @Column(name = "event_id", updatable = false)
    public String eventId;

    @Column(name = "event_type", updatable = false)
    public String eventType;

    @Column(name = "cooperative_id", updatable = false)
    public Long cooperativeId;

    /** The record's value exactly as received; null for a record without one. */
    @Column(updatable = false, columnDefinition = "LONGTEXT")
    public String payload;

    /** Whether the payload is an event envelope a handler can be given; an unreadable one can never be replayed. */
    @Column(nullable = false, updatable = false)
    public boolean readable;

    @Column(nullable = false)
    public String error;

    @Column(nullable = false)
    public int attempts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParkedEventStatus status;

    @Column(name = "parked_at", nullable = false, updatable = false)
    public Instant parkedAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;
}
