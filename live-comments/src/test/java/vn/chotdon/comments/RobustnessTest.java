package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Thousands of comments made of the pieces real ones are made of, put together at random (seeded, so a
 * failure repeats): whatever the mix, the parser answers, and what it calls clear is always a possible
 * order on the lineup.
 */
class RobustnessTest {

    private static final Lineup LINEUP = Lineup.of(new LineupItem("BG01", "Bánh gio Thanh Huệ", "cái"),
            new LineupItem("BC02", "Bánh chưng Đan Phượng", "cái"), new LineupItem("GL03", "Giò lụa Phượng Trì", "kg"),
            new LineupItem("GS01", "Gạo ST25 Sóc Trăng", "túi 5kg"));
    private static final List<String> PIECES = List.of("BG01", "bg01", "BG 01", "bg-01", "#BC02", "gl03", "BG07",
            "XY12", "x2", "X 3", "2c", "2 cái", "sl 2", "số lượng 4", "hai", "ba", "mười", "1,5kg", "nửa cân", "150k",
            "x100", "0", "2", "12", "0912345678", "0912 345 678", "+84 912.345.678", "84987654321", "0123456789",
            "091234567", "chốt", "chot", "lấy", "e lấy", "cho e", "mua", "đặt", "huỷ", "đổi", "thành", "hôm qua",
            "còn không", "giá", "bao nhiêu", "?", "!!!", "...", "ạ", "nha", "nhé", "shop ơi", "ib", "sdt", "sđt",
            "đc:", "ngõ 5", "bánh gio", "bánh", "giò", "gio", "giờ", "bánh chưng", "đan phượng", "st25", "gạo",
            "mỗi loại", "🔥", "❤️", "2️⃣", "\u00a0", "\u200b", "ＢＧ０１", "Đ", "ư", "\u0301", "-", "+", "(", ")",
            ":", ",", ".", "/", "#", "x", "k", "c", "", "99999999999999999999");
    private static final Set<String> CODES = Set.of("BG01", "BC02", "GL03", "GS01");

    @Test
    void everyMixGetsAnAnswerAndEveryClearIntentIsAPossibleOrder() {
        CommentParser parser = new CommentParser(LINEUP);
        Random random = new Random(13);
        int clear = 0;
        for (int n = 0; n < 10_000; n++) {
            StringBuilder comment = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                comment.append(PIECES.get(random.nextInt(PIECES.size())));
                if (random.nextInt(4) > 0) {
                    comment.append(' ');
                }
            }
            CommentIntent intent = parser.parse(comment.toString());

            intent.phoneE164().ifPresent(phone -> assertThat(phone).matches("\\+84[35789]\\d{8}"));
            switch (intent.status()) {
                case CLEAR -> {
                    clear++;
                    Set<String> seen = new HashSet<>();
                    assertThat(intent.lines()).as(comment.toString()).isNotEmpty().allSatisfy(line -> {
                        assertThat(CODES).contains(line.code());
                        assertThat(line.quantity()).isBetween(1, CommentParser.MAX_QUANTITY);
                        assertThat(seen.add(line.code())).isTrue();
                    });
                }
                case NEEDS_REVIEW -> assertThat(intent.reasons()).isNotEmpty();
                case IGNORED -> assertThat(intent.lines()).isEmpty();
            }
        }
        // The mix is rich enough to reach every status, clear ones included.
        assertThat(clear).isGreaterThan(100);
    }
}
