package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.service.IdempotencyKey;

/** What the database keeps of an Idempotency-Key and its answer, without a database. */
class IdempotencyKeyTest {

    private static final String ANSWER = "{\"order\":{\"buyerName\":\"Nguyễn Thị Huệ\",\"phone\":\"+84912345678\"},"
            + "\"accessToken\":\"q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY\"}";

    @Test
    void theIdIsAStableHashThatDoesNotShowTheKey() {
        String raw = UUID.randomUUID().toString();
        IdempotencyKey key = IdempotencyKey.of(raw);
        assertThat(key.id()).matches("[0-9a-f]{64}").isEqualTo(IdempotencyKey.of(raw).id()).doesNotContain(raw);
        assertThat(IdempotencyKey.of(raw + "x").id()).isNotEqualTo(key.id());
        assertThat(key.toString()).doesNotContain(raw);
    }

    @Test
    void theAnswerOpensByteForByteWithTheSameKeyOnly() {
        String raw = UUID.randomUUID().toString();
        byte[] sealed = IdempotencyKey.of(raw).seal(201, ANSWER);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("accessToken", "84912345678");
        assertThat(IdempotencyKey.of(raw).open(201, sealed)).isEqualTo(ANSWER);
        assertThat(IdempotencyKey.of(raw).seal(201, ANSWER)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> IdempotencyKey.of(raw + "x").open(201, sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdempotencyKey.of(raw).open(409, sealed)).as("bound to its status")
                .isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> IdempotencyKey.of(raw).open(201, tampered)).isInstanceOf(IllegalStateException.class);
    }
}
