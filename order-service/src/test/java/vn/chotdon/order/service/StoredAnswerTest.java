package vn.chotdon.order.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.chotdon.platform.problem.ProblemException;

class StoredAnswerTest {

    private final IdempotencyKeys.StoredAnswer stored = new IdempotencyKeys.StoredAnswer("hash-a", "{\"order\":{}}");

    @Test
    void theSameRequestGetsTheStoredBytes() {
        assertThat(stored.bodyFor("hash-a")).isEqualTo("{\"order\":{}}");
    }

    @Test
    void anotherRequestWithTheKeyIsRefusedAsAReusedKey() {
        assertThatThrownBy(() -> stored.bodyFor("hash-b")).isInstanceOfSatisfying(ProblemException.class,
                refusal -> assertThat(refusal.status()).isEqualTo(422));
    }

    @Test
    void aSealedAnswerOpensOnlyWithItsOwnKey() {
        IdempotencyKey key = IdempotencyKey.of("7b0e3c9a-5f0e-4f59-9a51-2f7f0c1d9e11");
        byte[] sealed = key.seal(IdempotencyKeys.CREATED, "{\"accessToken\":\"t\"}");
        assertThat(key.open(IdempotencyKeys.CREATED, sealed)).isEqualTo("{\"accessToken\":\"t\"}");
        assertThatThrownBy(() -> IdempotencyKey.of("another").open(IdempotencyKeys.CREATED, sealed))
                .isInstanceOf(IllegalStateException.class);
    }
}
