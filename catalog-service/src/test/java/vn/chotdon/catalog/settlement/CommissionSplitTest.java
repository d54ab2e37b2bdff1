package vn.chotdon.catalog.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commission in whole đồng: computed once on the total, shared by largest remainders, never a đồng lost or made. */
class CommissionSplitTest {

    @ParameterizedTest(name = "{0} đồng at {1} bp → {2}")
    @CsvSource({
            "0, 1000, 0",
            "1, 1000, 0",
            "9, 1000, 0",
            "10, 1000, 1",
            "15000, 1000, 1500",
            "15001, 1000, 1500",
            "19999, 1000, 1999",
            "1, 10000, 1",
            "123457, 10000, 123457",
            "123457, 0, 0",
            "1, 1, 0",
            "9999, 1, 0",
            "10000, 1, 1",
            "333333, 333, 11099",
            "-15001, 1000, -1500",
            "-9, 1000, 0"})
    void theTotalIsRoundedTowardZero(long gross, int basisPoints, long commission) {
        assertThat(CommissionSplit.of(basisPoints, Map.of(1L, gross)).totalCommission()).isEqualTo(commission);
        assertThat(CommissionSplit.of(basisPoints, Map.of(1L, gross)).shareOf(1L)).isEqualTo(commission);
    }

    @Test
    void threeEqualHouseholdsShareTheLeftoverDongByMemberId() {
        // 3 × 5 đồng at 10 %: 1.5 đồng in total → 1; each exact share 0.5: the lowest member id gets it.
        CommissionSplit split = CommissionSplit.of(1000, Map.of(30L, 5L, 10L, 5L, 20L, 5L));
        assertThat(split.totalCommission()).isEqualTo(1);
        assertThat(split.shareOf(10L)).isEqualTo(1);
        assertThat(split.shareOf(20L)).isZero();
        assertThat(split.shareOf(30L)).isZero();
    }

    @Test
    void theLargestRemaindersGetTheMissingDong() {
        // 10 % of 17, 13 and 9 (39 in all) is 3; the floors 1, 1, 0 add up to 2, and the missing đồng goes to
        // the largest remainder (0.9, member 3), not to member 1 (0.7).
        CommissionSplit split = CommissionSplit.of(1000, Map.of(1L, 17L, 2L, 13L, 3L, 9L));
        assertThat(split.totalCommission()).isEqualTo(3);
        assertThat(split.shareOf(1L)).isEqualTo(1);
        assertThat(split.shareOf(2L)).isEqualTo(1);
        assertThat(split.shareOf(3L)).isEqualTo(1);
    }

    @Test
    void productsWithoutAHouseholdComeLastOnEqualRemainders() {
        Map<Long, Long> gross = new HashMap<>();
        gross.put(null, 5L);
        gross.put(7L, 5L);
        CommissionSplit split = CommissionSplit.of(1000, gross);
        assertThat(split.totalCommission()).isEqualTo(1);
        assertThat(split.shareOf(7L)).isEqualTo(1);
        assertThat(split.shareOf(null)).isZero();
    }

    @Test
    void aOneDongSaleAmongManyHouseholdsLosesNothing() {
        Map<Long, Long> gross = new LinkedHashMap<>();
        for (long m = 1; m <= 50; m++) {
            gross.put(m, 1L);
        }
        CommissionSplit split = CommissionSplit.of(5000, gross);
        assertThat(split.totalCommission()).isEqualTo(25);
        long sum = 0;
        for (long m = 1; m <= 50; m++) {
            sum += split.shareOf(m);
            assertThat(split.shareOf(m)).isEqualTo(m <= 25 ? 1 : 0);
        }
        assertThat(sum).isEqualTo(25);
    }

    @Test
    void zeroAndFullRates() {
        Map<Long, Long> gross = Map.of(1L, 15001L, 2L, 3L, 3L, 999_999L);
        CommissionSplit none = CommissionSplit.of(0, gross);
        CommissionSplit all = CommissionSplit.of(10_000, gross);
        assertThat(none.totalCommission()).isZero();
        assertThat(all.totalCommission()).isEqualTo(15001 + 3 + 999_999);
        gross.forEach((m, g) -> {
            assertThat(none.shareOf(m)).isZero();
            assertThat(all.shareOf(m)).isEqualTo(g);
        });
    }

    @Test
    void reversalsInALaterPeriodMakeNegativeShares() {
        // A period with only a return of 15 001 đồng at 10 %: −1500 back, as much as the sale gave.
        CommissionSplit split = CommissionSplit.of(1000, Map.of(4L, -15_001L));
        assertThat(split.totalCommission()).isEqualTo(-1500);
        assertThat(split.shareOf(4L)).isEqualTo(-1500);
        // One household returns more than another sells.
        CommissionSplit mixed = CommissionSplit.of(1000, Map.of(1L, -25L, 2L, 11L));
        assertThat(mixed.totalCommission()).isEqualTo(-1);
        assertThat(mixed.shareOf(1L) + mixed.shareOf(2L)).isEqualTo(-1);
    }

    @Test
    void aHouseholdNotInTheSplitHasNoShare() {
        assertThat(CommissionSplit.of(1000, Map.of(1L, 100L)).shareOf(2L)).isZero();
        assertThat(CommissionSplit.of(1000, Map.of()).totalCommission()).isZero();
    }

    @Test
    void aRateOutsideZeroToTenThousandIsRefused() {
        assertThatThrownBy(() -> CommissionSplit.of(-1, Map.of(1L, 1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommissionSplit.of(10_001, Map.of(1L, 1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAmountTooLargeForExactArithmeticIsRefusedNotWrapped() {
        assertThatThrownBy(() -> CommissionSplit.of(10_000, Map.of(1L, Long.MAX_VALUE / 1000)))
                .isInstanceOf(ArithmeticException.class);
    }

    /** Many random cooperatives: shares add up to the total, each within one đồng of its exact value, and the same input splits the same way. */
    @Test
    void randomSplitsAddUpExactlyAndStayWithinADongOfExact() {
        Random random = new Random(20261130);
        for (int round = 0; round < 5000; round++) {
            int basisPoints = switch (round % 5) {
                case 0 -> 0;
                case 1 -> 10_000;
                default -> random.nextInt(10_001);
            };
            Map<Long, Long> gross = new LinkedHashMap<>();
            int members = 1 + random.nextInt(40);
            for (long m = 1; m <= members; m++) {
                long amount = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(3);
                    case 1 -> 15_000L * random.nextInt(20);
                    case 2 -> -random.nextInt(100_000);
                    default -> random.nextInt(5_000_000);
                };
                gross.put(m, amount);
            }
            if (random.nextBoolean()) {
                gross.put(null, (long) random.nextInt(1000));
            }
            CommissionSplit split = CommissionSplit.of(basisPoints, gross);
            long total = gross.values().stream().mapToLong(Long::longValue).sum();
            BigDecimal exactTotal = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(basisPoints))
                    .divide(BigDecimal.valueOf(10_000));
            assertThat(split.totalCommission()).isEqualTo(exactTotal.setScale(0, RoundingMode.DOWN).longValueExact());
            long sum = 0;
            for (Map.Entry<Long, Long> e : gross.entrySet()) {
                long share = split.shareOf(e.getKey());
                BigDecimal exact = BigDecimal.valueOf(e.getValue()).multiply(BigDecimal.valueOf(basisPoints))
                        .divide(BigDecimal.valueOf(10_000));
                assertThat(BigDecimal.valueOf(share).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
                sum += share;
            }
            assertThat(sum).as("shares of round %d", round).isEqualTo(split.totalCommission());
            Map<Long, Long> reordered = new HashMap<>(gross);
            CommissionSplit again = CommissionSplit.of(basisPoints, reordered);
            gross.keySet().forEach(m -> assertThat(again.shareOf(m)).isEqualTo(split.shareOf(m)));
        }
    }
}
