package vn.chotdon.catalog.settlement.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which statuses make an order's money count for settlement, and which take it back. */
class OrderMoneyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "PAID, COUNTS",
            "DELIVERED, COUNTS",
            "CANCELLED, REVERSES",
            "RETURNED, REVERSES",
            "PLACED, ",
            "CONFIRMED, ",
            "SHIPPED, ",
            "EXPIRED, ",
            "REFUNDED_BY_A_NEWER_PRODUCER, ",
            "paid, "})
    void statuses(String status, OrderMoney money) {
        assertThat(OrderMoney.of(status).orElse(null)).isEqualTo(money);
    }

    @Test
    void noStatusMovesNoMoney() {
        assertThat(OrderMoney.of(null)).isEmpty();
    }
}
