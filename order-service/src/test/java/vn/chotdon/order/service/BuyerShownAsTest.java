package vn.chotdon.order.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the live overlay's ticker may show of a buyer: never the name itself. */
class BuyerShownAsTest {

    @ParameterizedTest
    @CsvSource({
            "Chị Nguyễn Thị Hoa, Chị H***",
            "chị lan, Chị L***",
            "Anh Trần Văn Đức, Anh Đ***",
            "Trần Văn Đức, Đ***",
            "  Bác   Ba  , Bác B***",
            "Ánh, Á***",
            "Chị, C***",
            "Người xem live Trần Thị Bích, B***"
    })
    void keepsTheHonorificAndTheGivenNamesInitialOnly(String name, String shown) {
        assertThat(OrderEvents.shownAs(name)).isEqualTo(shown);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   " })
    void aBuyerWithoutANameIsNotShown(String name) {
        assertThat(OrderEvents.shownAs(name)).isNull();
    }
}
