package vn.chotdon.order.comment.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.chotdon.order.comment.CommentPlatform;
import vn.chotdon.platform.problem.ProblemException;

class CommentReasonsTest {

    @Test
    void aRefusalOfTheHotPathIsNamedAfterItsProblemType() {
        ReviewReason reason = CommentIntake.refusal(ProblemException.conflict("sold-out", "Sold out", "BG01 (Bánh gio) is sold out"));
        assertThat(reason.code()).isEqualTo("SOLD_OUT");
        assertThat(reason.message()).isEqualTo("BG01 (Bánh gio) is sold out");
        assertThat(CommentIntake.refusal(ProblemException.conflict("held-units-cap", "Cap", "over")).code())
                .isEqualTo("HELD_UNITS_CAP");
    }

    @Test
    void aCommentsIdempotencyKeyNamesItsSessionPlatformAndIdAndFitsTheKeyPattern() {
        String key = CommentOrders.idempotencyKey(5, CommentPlatform.FACEBOOK, "123_456.7");
        assertThat(key).isEqualTo("comment:5:FACEBOOK:123_456.7").matches("[A-Za-z0-9_.:-]+");
        assertThat(CommentOrders.idempotencyKey(6, CommentPlatform.FACEBOOK, "123_456.7")).isNotEqualTo(key);
    }
}
