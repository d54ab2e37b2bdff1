package vn.chotdon.catalog.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cooperative's commission on money counted at one rate, in whole đồng, and each member
 * household's share of it, so that no đồng is lost or made up:
 * <ol>
 * <li>the commission on the cooperative's total is computed once: {@code total × rate / 10 000}
 * rounded toward zero (down for money earned: the cooperative never takes more than its rate,
 * and a reversal takes back exactly what the same sale gave);</li>
 * <li>each household's exact share ({@code its gross × rate / 10 000}) is rounded down, and the
 * đồng still missing to reach the total go one each to the households with the largest
 * remainders (the largest-remainder method); equal remainders go to the lower member id first,
 * products without a member household last.</li>
 * </ol>
 * The shares then add up to the total exactly, and no share is more than one đồng from its exact
 * value. Amounts so large that {@code gross × 10 000} leaves a long (about 922 trillion đồng) are
 * refused with an ArithmeticException.
 */
public final class CommissionSplit {

    public static final int FULL_RATE = 10_000;

    /** Null member keys (products without a member household) sort after every member. */
    private static final Comparator<Long> MEMBER_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private final long totalCommission;
    private final Map<Long, Long> shares;

    private CommissionSplit(long totalCommission, Map<Long, Long> shares) {
        this.totalCommission = totalCommission;
        this.shares = shares;
    }

    /**
     * @param basisPoints the rate, 0 to 10 000 (10 000 = 100 %)
     * @param grossByMember gross in đồng per member household (null key: no household); a value may
     *                      be negative (reversals counted in a later period)
     */
    public static CommissionSplit of(int basisPoints, Map<Long, Long> grossByMember) {
        if (basisPoints < 0 || basisPoints > FULL_RATE) {
            throw new IllegalArgumentException("a rate is 0 to " + FULL_RATE + " basis points, not " + basisPoints);
        }
        long total = 0;
        for (long gross : grossByMember.values()) {
            total = Math.addExact(total, gross);
        }
        long totalCommission = Math.multiplyExact(total, basisPoints) / FULL_RATE; // Java's / rounds toward zero

        record Part(Long member, long floor, long remainder) {
        }
        List<Part> parts = new ArrayList<>();
        long floors = 0;
        for (Map.Entry<Long, Long> e : grossByMember.entrySet()) {
            long exact = Math.multiplyExact(e.getValue(), basisPoints);
            Part part = new Part(e.getKey(), Math.floorDiv(exact, FULL_RATE), Math.floorMod(exact, FULL_RATE));
            parts.add(part);
            floors += part.floor();
        }
        long missing = totalCommission - floors;
        if (missing < 0 || missing > parts.size()) {
            throw new IllegalStateException("largest remainders cannot place " + missing + " đồng among "
                    + parts.size() + " households");
        }
        parts.sort(Comparator.comparingLong(Part::remainder).reversed().thenComparing(Part::member, MEMBER_ORDER));
        Map<Long, Long> shares = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            shares.put(part.member(), part.floor() + (i < missing ? 1 : 0));
        }
        return new CommissionSplit(totalCommission, shares);
    }

    /** The cooperative's commission on the total, computed once. */
    public long totalCommission() {
        return totalCommission;
    }

    /** This household's share; 0 for one not in the split. */
    public long shareOf(Long member) {
        return shares.getOrDefault(member, 0L);
    }
}
