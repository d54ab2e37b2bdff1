package vn.chotdon.platform.parking;

/**
 * A Kafka record a consumer gives up on, and why.
 *
 * @param eventId       null when the record cannot be read far enough to tell
 * @param cooperativeId the payload's {@code cooperativeId}, when it has a numeric one
 * @param value         the record's value exactly as it was received
 * @param readable      whether the value is an event envelope a handler can be given
 * @param attempts      how often the handler failed on it (0 for an unreadable record)
 */
public record ParkingTicket(String consumer, String topic, int partition, long offset, String key, String eventId,
        String eventType, Long cooperativeId, String value, boolean readable, String error, int attempts) {
}
