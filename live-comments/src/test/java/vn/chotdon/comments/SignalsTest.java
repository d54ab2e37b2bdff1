package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

    private final CommentNormaliser normaliser = new CommentNormaliser();
    private final Tokenizer tokenizer = new Tokenizer(normaliser);

    private Signals read(String comment) {
        String prepared = normaliser.prepare(comment);
        return Signals.read(prepared, tokenizer.tokenize(prepared));
    }

    @ParameterizedTest
    @ValueSource(strings = {"còn không shop?", "con ko", "bg01 còn k ạ", "còn hàng không", "hết chưa shop",
            "giá bao nhiêu", "gia bn", "ship Hà Đông được không ạ", "mấy giờ chốt", "shop ở đâu vậy",
            "ăn với gì ngon", "cái nào ngọt hơn", "xoài ngọt không c", "?"})
    void questions(String comment) {
        assertThat(read(comment).question()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bg01 x2", "chốt bánh gio x3 nha", "bg01 x2 ship về Gia Lâm",
            "bg01 2 không cay nha shop ơi", "chào shop"})
    void notQuestions(String comment) {
        assertThat(read(comment).question()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"huỷ đơn", "hủy bg01", "huy don", "e k lấy nữa", "không mua nữa", "cancel nha",
            "thôi không lấy"})
    void cancellations(String comment) {
        assertThat(read(comment).cancellation()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"đổi bg01 thành 3", "sửa lại bc02 x1", "doi sang bc02", "sửa đơn giúp e"})
    void changes(String comment) {
        assertThat(read(comment).change()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hôm qua e chốt rồi", "lần trước e mua", "e đặt rồi", "năm ngoái mua vải"})
    void earlierOrders(String comment) {
        assertThat(read(comment).earlier()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chốt", "chot", "e lấy", "lay 2", "mua", "đặt 2 cái", "dat 2 cai", "cho em", "cho mình",
            "order 1", "gửi về Hà Nội"})
    void orderWords(String comment) {
        assertThat(read(comment).orderWord()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Chúc shop đắt hàng", "chúc htx phát đạt", "mùa vải năm nay", "chúc shop cho nhiều đơn",
            "bệnh hay lây"})
    void foldedTwinsOfOrderWordsAreNotOrderWords(String comment) {
        assertThat(read(comment).orderWord()).isFalse();
    }
}
