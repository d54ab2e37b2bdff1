package vn.chotdon.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A path the server resolves to another resource is not judged against the template it seems to match. */
class AnswerJudgeTest {

    @Test
    void dotSegmentsAndEncodedSlashesAddressAnotherPath() {
        assertThat(AnswerJudge.addressesAnotherPath("/sessions/./end")).isTrue();
        assertThat(AnswerJudge.addressesAnotherPath("/sessions/%2e%2e/end")).isTrue();
        assertThat(AnswerJudge.addressesAnotherPath("/products/a%2Fb")).isTrue();
        assertThat(AnswerJudge.addressesAnotherPath("/orders/;a=b")).isTrue();
    }

    @Test
    void oddButPlainSegmentsDoNot() {
        assertThat(AnswerJudge.addressesAnotherPath("/products/%E2%80%AETkCmHa%3F")).isFalse();
        assertThat(AnswerJudge.addressesAnotherPath("/products/%zz")).isFalse();
        assertThat(AnswerJudge.addressesAnotherPath("/products/...")).isFalse();
        assertThat(AnswerJudge.addressesAnotherPath("/products/+1")).isFalse();
    }
}
