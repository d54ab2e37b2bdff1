package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.chotdon.order.address.Provinces;
import vn.chotdon.order.service.OrderCodes;

/** Domain rules that need neither a database nor a broker. */
class OrderDomainTest {

    @ParameterizedTest
    @CsvSource({
            "PLACED, CONFIRMED, true", "PLACED, PAID, true", "CONFIRMED, PAID, true", "PAID, SHIPPED, true",
            "CONFIRMED, SHIPPED, true", "SHIPPED, DELIVERED, true", "PLACED, CANCELLED, true", "PAID, CANCELLED, true",
            "PLACED, EXPIRED, true", "CONFIRMED, EXPIRED, false", "PLACED, SHIPPED, false", "SHIPPED, CANCELLED, false",
            "DELIVERED, CANCELLED, false", "CANCELLED, PLACED, false", "EXPIRED, CONFIRMED, false",
            "DELIVERED, SHIPPED, false", "SHIPPED, RETURNED, true", "DELIVERED, RETURNED, true",
            "PAID, RETURNED, false", "CONFIRMED, RETURNED, false", "PLACED, RETURNED, false", "RETURNED, CANCELLED, false",
            "RETURNED, DELIVERED, false", "RETURNED, SHIPPED, false"
    })
    void lifecycle(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(to.reachableFrom().contains(from)).isEqualTo(allowed);
    }

    @Test
    void onlyCancellationAndExpiryReleaseUnitsNotAReturn() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.releasesUnits()).isEqualTo(status == OrderStatus.CANCELLED || status == OrderStatus.EXPIRED);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Hà Nội, Hà Nội", "ha noi, Hà Nội", "TP. Hà Nội, Hà Nội", "Bắc Giang, Bắc Ninh", "tỉnh Hà Giang, Tuyên Quang",
            "Bình Dương, Thành phố Hồ Chí Minh", "TP HCM, Thành phố Hồ Chí Minh", "Sài Gòn, Thành phố Hồ Chí Minh",
            "Thừa Thiên Huế, Huế", "Bà Rịa - Vũng Tàu, Thành phố Hồ Chí Minh", "Đắk Nông, Lâm Đồng", "Hải Dương, Hải Phòng",
            "Kiên Giang, An Giang"
    })
    void provincesResolveOldAndNewNames(String typed, String official) {
        assertThat(Provinces.resolve(typed)).contains(official);
    }

    @Test
    void thereAreThirtyFourProvincesAndNothingElseResolves() {
        assertThat(Provinces.names()).hasSize(34);
        assertThat(Provinces.resolve("Paris")).isEmpty();
        assertThat(Provinces.resolve("")).isEmpty();
    }

    @Test
    void orderCodesAreEightUnambiguousCharacters() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = OrderCodes.newCode();
            assertThat(code).hasSize(8).doesNotContainPattern("[01OILU]");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void accessTokensMatchOnlyTheirHash() {
        String token = OrderCodes.newAccessToken();
        String hash = OrderCodes.sha256(token);
        assertThat(OrderCodes.matches(token, hash)).isTrue();
        assertThat(OrderCodes.matches(token + "x", hash)).isFalse();
        assertThat(OrderCodes.matches(null, hash)).isFalse();
    }
}
