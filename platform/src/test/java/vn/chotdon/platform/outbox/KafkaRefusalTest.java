package vn.chotdon.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusalTest {

    @Test
    void aRowKafkaCannotTakeIsRefusedForGood() {
        assertThat(KafkaRefusal.refusesTheRowForGood(new RecordTooLargeException("2 MB"))).isTrue();
        assertThat(KafkaRefusal.refusesTheRowForGood(new InvalidTopicException("not a valid topic!"))).isTrue();
        assertThat(KafkaRefusal.refusesTheRowForGood(new SerializationException("cannot serialise"))).isTrue();
        assertThat(KafkaRefusal.refusesTheRowForGood(new ExecutionException(new RecordTooLargeException("2 MB"))))
                .isTrue();
    }

    @Test
    void anOutageOrAProducerProblemIsNeverARefusalOfTheRow() {
        assertThat(KafkaRefusal.refusesTheRowForGood(new TimeoutException("no acknowledgement"))).isFalse();
        assertThat(KafkaRefusal.refusesTheRowForGood(new java.util.concurrent.TimeoutException())).isFalse();
        assertThat(KafkaRefusal.refusesTheRowForGood(new NetworkException("broker gone"))).isFalse();
        assertThat(KafkaRefusal.refusesTheRowForGood(new NotLeaderOrFollowerException("leader moved"))).isFalse();
        assertThat(KafkaRefusal.refusesTheRowForGood(new TopicAuthorizationException("no ACL"))).isFalse();
        assertThat(KafkaRefusal.refusesTheRowForGood(new KafkaException("producer closed"))).isFalse();
        assertThat(KafkaRefusal.refusesTheRowForGood(new IllegalStateException("closed"))).isFalse();
    }
}
