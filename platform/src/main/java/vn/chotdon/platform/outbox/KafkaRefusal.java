package vn.chotdon.platform.outbox;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells a row Kafka refuses for good (too large, an invalid topic name, a value it cannot
 * serialise) from a send that may work later (the broker away, a timeout, a leader moving). Only
 * the first kind is parked: an outage never parks rows, they wait. Failures that concern the
 * whole producer rather than the row (credentials, ACLs, producer state) wait too, since parking
 * would sweep every row into the parked list.
 */
final class KafkaRefusal {

    private KafkaRefusal() {
    }

    static boolean refusesTheRowForGood(Throwable failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || concernsTheProducer(t)) {
                return false;
            }
            if (t instanceof SerializationException || t instanceof ApiException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the producer must be replaced before it can send again. */
    static boolean brokeTheProducer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfOrderSequenceException || t instanceof ProducerFencedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean concernsTheProducer(Throwable t) {
        return t instanceof AuthenticationException || t instanceof AuthorizationException
                || t instanceof OutOfOrderSequenceException || t instanceof ProducerFencedException
                || t instanceof UnsupportedVersionException;
    }
}
