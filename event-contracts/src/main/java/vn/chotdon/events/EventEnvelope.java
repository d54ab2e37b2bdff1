package vn.chotdon.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as it travels on Kafka, in the CloudEvents 1.0 structured JSON form: the attribute
 * names are CloudEvents' own, and {@code schemaversion}, {@code aggregatetype} and
 * {@code aggregateid} are extension attributes (CloudEvents allows only lower-case letters and
 * digits there). Consumers must ignore attributes and payload fields they do not know.
 *
 * @param specversion     always {@value #SPEC_VERSION}
 * @param id              unique per event; consumers deduplicate on it
 * @param source          the service that produced it, e.g. {@code /chotdon/catalog-service}
 * @param type            what happened, e.g. {@link CatalogEventTypes#PRODUCT_CREATED}
 * @param subject         the aggregate, e.g. {@code product/42}
 * @param time            when it happened (the business transaction's time)
 * @param datacontenttype always {@code application/json}
 * @param schemaversion   version of the payload schema for {@code type}; changes are additive
 * @param aggregatetype   e.g. {@code product}
 * @param aggregateid     id of the aggregate, also the Kafka record key where order matters
 * @param data            the payload
 */
public record EventEnvelope<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        int schemaversion,
        String aggregatetype,
        String aggregateid,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Content type of a Kafka record value that holds a whole structured CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    public static <T> EventEnvelope<T> of(String id, String source, String type, int schemaVersion,
            String aggregateType, String aggregateId, Instant time, T data) {
        return new EventEnvelope<>(SPEC_VERSION, id, source, type, aggregateType + "/" + aggregateId, time, JSON,
                schemaVersion, aggregateType, aggregateId, data);
    }
}
