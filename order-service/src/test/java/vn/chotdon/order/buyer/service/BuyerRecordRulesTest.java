package vn.chotdon.order.buyer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.BuyerSummary;
import vn.chotdon.order.buyer.BuyerTreatment;

/** What each order event adds to a buyer's record, who is unreliable, and what a session's policy does with whom. */
class BuyerRecordRulesTest {

    @Test
    void eachEventCountsWhatHappenedToTheOrder() {
        assertThat(RecordChange.of("PLACED", null, "COD", null)).isEqualTo(new RecordChange(1, 0, 0, 0, 0, 0));
        assertThat(RecordChange.of("CONFIRMED", "PLACED", "COD", null).changesNothing()).isTrue();
        assertThat(RecordChange.of("PAID", "PLACED", "BANK_TRANSFER", null)).isEqualTo(new RecordChange(0, 0, 1, 0, 0, 0));
        assertThat(RecordChange.of("PAID", "CONFIRMED", "COD", null)).isEqualTo(new RecordChange(0, 0, 1, 0, 0, 0));
        assertThat(RecordChange.of("SHIPPED", "CONFIRMED", "COD", null).changesNothing()).isTrue();
        assertThat(RecordChange.of("EXPIRED", "PLACED", "COD", null)).isEqualTo(new RecordChange(0, 0, 0, 0, 1, 0));
        assertThat(RecordChange.of("RETURNED", "SHIPPED", "COD", null)).isEqualTo(new RecordChange(0, 0, 0, 0, 0, 1));
        assertThat(RecordChange.of("RETURNED", "DELIVERED", "BANK_TRANSFER", null))
                .isEqualTo(new RecordChange(0, 0, 0, 0, 0, 1));
        assertThat(RecordChange.of("SOMETHING_NEW", "PLACED", "COD", null).changesNothing()).isTrue();
    }

    @Test
    void cashOnDeliveryIsPaidAtTheDoorATransferBefore() {
        assertThat(RecordChange.of("DELIVERED", "SHIPPED", "COD", null)).isEqualTo(new RecordChange(0, 1, 1, 0, 0, 0));
        assertThat(RecordChange.of("DELIVERED", "SHIPPED", "BANK_TRANSFER", null))
                .isEqualTo(new RecordChange(0, 1, 0, 0, 0, 0));
        // A COD order paid ahead by transfer: the ledger finds it counted paid already.
        assertThat(RecordChange.of("DELIVERED", "SHIPPED", "COD", null).paidBefore())
                .isEqualTo(new RecordChange(0, 1, 0, 0, 0, 0));
    }

    @Test
    void aTransferAfterTheHoldRanOutTakesTheExpiryBack() {
        assertThat(RecordChange.of("PAID", "EXPIRED", "BANK_TRANSFER", null))
                .isEqualTo(new RecordChange(0, 0, 1, 0, -1, 0));
    }

    @Test
    void onlyTheBuyersOwnCancellationCounts() {
        assertThat(RecordChange.of("CANCELLED", "PLACED", "COD", "BUYER")).isEqualTo(new RecordChange(0, 0, 0, 1, 0, 0));
        assertThat(RecordChange.of("CANCELLED", "CONFIRMED", "COD", "STAFF").changesNothing()).isTrue();
        assertThat(RecordChange.of("CANCELLED", "PLACED", "COD", null).changesNothing()).as("cancelled before it was kept")
                .isTrue();
    }

    @Test
    void unreliableOnceReturnedAndExpiredUnpaidReachTheThreshold() {
        assertThat(standing(0, 0).unreliable(2)).isFalse();
        assertThat(standing(1, 0).unreliable(2)).isFalse();
        assertThat(standing(0, 1).unreliable(2)).isFalse();
        assertThat(standing(1, 1).unreliable(2)).isTrue();
        assertThat(standing(2, 0).unreliable(2)).isTrue();
        assertThat(standing(0, 3).unreliable(2)).isTrue();
        assertThat(standing(1, 0).unreliable(1)).isTrue();
        // Cancelling one's own order frees the units at once: it does not make a buyer unreliable.
        assertThat(new BuyerStanding(9, 0, 0, 9, 0, 0, null).unreliable(2)).isFalse();
    }

    @Test
    void theSummaryCarriesTheCountsTheVerdictAndTheFlag() {
        BuyerSummary.Flag flag = new BuyerSummary.Flag("Bom hàng", "staff-7", Instant.parse("2025-11-28T12:40:00Z"));
        BuyerSummary summary = new BuyerStanding(7, 4, 4, 1, 0, 2, flag).summary(2);
        assertThat(summary).isEqualTo(new BuyerSummary(7, 4, 4, 1, 0, 2, true, flag));
        assertThat(BuyerStanding.UNKNOWN.summary(2)).isEqualTo(new BuyerSummary(0, 0, 0, 0, 0, 0, false, null));
    }

    @Test
    void aPolicyAppliesEachTreatmentThatFitsTheBuyer() {
        SessionBuyerPolicy unset = SessionBuyerPolicy.unset(5);
        assertThat(unset.acceptsEveryone()).isTrue();
        assertThat(unset.verdict(true, true)).isEqualTo(new BuyerVerdict(false, false, false, PaymentMethod.COD));

        SessionBuyerPolicy policy = new SessionBuyerPolicy(5, BuyerTreatment.REVIEW, BuyerTreatment.PAY_FIRST,
                PaymentMethod.COD, "staff-7", Instant.now());
        assertThat(policy.acceptsEveryone()).isFalse();
        assertThat(policy.verdict(false, false)).isEqualTo(new BuyerVerdict(false, false, false, PaymentMethod.COD));
        assertThat(policy.verdict(true, false)).isEqualTo(new BuyerVerdict(false, true, false, PaymentMethod.COD));
        assertThat(policy.verdict(false, true))
                .isEqualTo(new BuyerVerdict(true, false, false, PaymentMethod.BANK_TRANSFER));
        BuyerVerdict both = policy.verdict(true, true);
        assertThat(both).isEqualTo(new BuyerVerdict(true, true, false, PaymentMethod.BANK_TRANSFER));
        assertThat(both.review()).isTrue();

        SessionBuyerPolicy transfers = new SessionBuyerPolicy(5, BuyerTreatment.ACCEPT, BuyerTreatment.REVIEW,
                PaymentMethod.BANK_TRANSFER, "staff-7", Instant.now());
        assertThat(transfers.verdict(true, false)).isEqualTo(new BuyerVerdict(false, false, false,
                PaymentMethod.BANK_TRANSFER));
        assertThat(transfers.verdict(false, true).reviewAsUnreliable()).isTrue();
    }

    private static BuyerStanding standing(long returned, long expiredUnpaid) {
        return new BuyerStanding(5, 0, 0, 0, expiredUnpaid, returned, null);
    }
}
