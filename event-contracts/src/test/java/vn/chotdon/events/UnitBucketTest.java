package vn.chotdon.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.chotdon.events.order.UnitBucket;

class UnitBucketTest {

    @ParameterizedTest
    @CsvSource({ "PLACED, HELD", "CONFIRMED, SOLD", "PAID, SOLD", "SHIPPED, SOLD", "DELIVERED, SOLD", "RETURNED, SOLD",
            "CANCELLED, RELEASED", "EXPIRED, RELEASED" })
    void everyOrderStatusHasItsBucket(String status, UnitBucket bucket) {
        assertThat(UnitBucket.find(status)).contains(bucket);
    }

    @ParameterizedTest
    @CsvSource({ "REFUNDED", "placed", "''" })
    void aStatusFromANewerProducerHasNone(String status) {
        assertThat(UnitBucket.find(status)).isEmpty();
        assertThat(UnitBucket.find(null)).isEmpty();
    }
}
