package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityReaderTest {

    private final CommentNormaliser normaliser = new CommentNormaliser();
    private final Tokenizer tokenizer = new Tokenizer(normaliser);
    private final QuantityReader reader = new QuantityReader();

    private List<Quantity> afterItem(String stretch) {
        return reader.read(tokenizer.tokenize(normaliser.prepare(stretch)), true, false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x2 | 2", "X 2 | 2", "x 12 | 12", "×3 | 3", "2c | 2", "2 c | 2", "2 cái | 2", "2 hộp | 2",
            "2 kg | 2", "2kg | 2", "2 ký | 2", "3 cân | 3", "1 chai | 1", "2 hũ | 2", "2 túi | 2", "2 quả | 2",
            "2 trái | 2", "2q | 2", "sl 2 | 2", "sl:2 | 2", "slg 4 | 4", "số lượng 2 | 2", "so luong: 3 | 3",
            "2 | 2", "hai | 2", "hai cái | 2", "ba | 3", "bốn | 4", "bon | 4", "tư cái | 4", "năm | 5", "sáu | 6",
            "bảy | 7", "tám | 8", "chín | 9", "mười | 10", "muoi | 10", "mười hai | 12", "muoi lam | 15",
            "x hai | 2", "một hộp | 1", "mot | 1", "2️⃣ | 2", "２ | 2",
    })
    void readsTheWaysPeopleWriteACount(String stretch, int expected) {
        List<Quantity> found = afterItem(stretch);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).value()).isEqualTo(expected);
        assertThat(found.get(0).unclear()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5 kg", "0.5kg", "x1,5", "nửa cân", "nua ky", "1 chục", "một chục", "5k"})
    void fractionsDozensAndKiloOrPriceAreUnclear(String stretch) {
        List<Quantity> found = afterItem(stretch);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).unclear()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"150 nghìn", "2 trăm", "giao 9 giờ", "9h sáng", "ngõ 5", "số 8 thôn 3", "ngày 15"})
    void pricesTimesAndAddressesAreNoQuantities(String stretch) {
        assertThat(afterItem(stretch)).isEmpty();
    }

    @Test
    void numberWordsAwayFromTheItemAreOrdinaryWords() {
        // "năm nay" is "this year", "ba" a father: only right after the item or before a unit they count.
        assertThat(afterItem("ngon năm nay")).isEmpty();
        assertThat(afterItem("nhà ba mẹ em")).isEmpty();
        assertThat(afterItem("ngon lắm, ba hộp nha")).extracting(Quantity::value).containsExactly(3);
    }

    @Test
    void aBareNumberRightBeforeAnItemCountsAndMarksAnOrder() {
        List<Quantity> found = reader.read(tokenizer.tokenize(normaliser.prepare("lấy ba")), false, true);

        assertThat(found).extracting(Quantity::value).containsExactly(3);
        assertThat(found.get(0).marked()).isTrue();
    }

    @Test
    void twoCountsInAStretchAreBothReported() {
        assertThat(afterItem("x2 x3")).extracting(Quantity::value).containsExactly(2, 3);
        assertThat(afterItem("2 3")).extracting(Quantity::value).containsExactly(2, 3);
    }

    @Test
    void aPackSizeIsToldFromACount() {
        List<Quantity> found = afterItem("2 túi 5kg");

        assertThat(found).extracting(Quantity::value).containsExactly(2, 5);
        assertThat(found.get(1).describes("5 kg")).isTrue();
        assertThat(found.get(0).describes("5 kg")).isFalse();
    }

    @Test
    void markersAndUnitsMarkAnOrderABareNumberAwayFromTheItemDoesNot() {
        assertThat(afterItem("x2").get(0).marked()).isTrue();
        assertThat(afterItem("2 hộp").get(0).marked()).isTrue();
        assertThat(reader.read(tokenizer.tokenize(normaliser.prepare("chúc 100 điểm")), false, false).get(0).marked())
                .isFalse();
    }
}
