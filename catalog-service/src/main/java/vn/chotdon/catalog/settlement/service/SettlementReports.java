package vn.chotdon.catalog.settlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.chotdon.catalog.service.CooperativeService;
import vn.chotdon.catalog.settlement.CommissionSplit;
import vn.chotdon.catalog.settlement.SettlementReport;
import vn.chotdon.catalog.settlement.SettlementReport.Amounts;
import vn.chotdon.catalog.settlement.SettlementReport.MemberSettlement;
import vn.chotdon.catalog.settlement.SettlementReport.Payout;
import vn.chotdon.catalog.settlement.SettlementReport.ProductSales;
import vn.chotdon.catalog.settlement.SettlementReport.RateTotal;
import vn.chotdon.catalog.settlement.SettlementScope;

/**
 * Builds settlement reports from the settlement ledger: per member household and product the
 * units and money that counted; the commission per rate computed once on the cooperative's total
 * and shared by {@link CommissionSplit}; the payouts recorded for the same scope.
 */
@ApplicationScoped
public class SettlementReports {

    private static final Comparator<Long> MEMBERS_THEN_NONE = Comparator.nullsLast(Comparator.naturalOrder());

    private final EntityManager em;
    private final CooperativeService cooperatives;

    SettlementReports(EntityManager em, CooperativeService cooperatives) {
        this.em = em;
        this.cooperatives = cooperatives;
    }

    /** @param callerScope the caller's cooperative (null: the admin); another cooperative answers 404 */
    @Transactional
    public SettlementReport report(long cooperativeId, SettlementScope scope, Long callerScope) {
        cooperatives.get(cooperativeId, callerScope);
        return build(cooperativeId, scope);
    }

    /** The report as it stands in the caller's transaction (payouts compute it after locking the cooperative). */
    @Transactional(Transactional.TxType.MANDATORY)
    SettlementReport build(long cooperativeId, SettlementScope scope) {
        record Sales(Long member, long product, int rate, long units, long gross, long unitsReversed, long reversed) {
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("SELECT e.member_id, e.product_id, e.basis_points,"
                + " SUM(e.quantity), SUM(e.gross_vnd),"
                + " SUM(CASE WHEN e.kind = 'REVERSED' THEN -e.quantity ELSE 0 END),"
                + " SUM(CASE WHEN e.kind = 'REVERSED' THEN -e.gross_vnd ELSE 0 END)"
                + " FROM settlement_entry e WHERE e.cooperative_id = :cooperative AND " + scope.entries()
                + " GROUP BY e.member_id, e.product_id, e.basis_points"), true, false)
                .setParameter("cooperative", cooperativeId).getResultList();
        List<Sales> sales = rows.stream().map(r -> new Sales(r[0] == null ? null : number(r[0]), number(r[1]),
                (int) number(r[2]), number(r[3]), number(r[4]), number(r[5]), number(r[6]))).toList();

        // Commission: once per rate on the cooperative's total, then shared among households.
        Map<Integer, Map<Long, Long>> grossByRate = new TreeMap<>();
        for (Sales s : sales) {
            grossByRate.computeIfAbsent(s.rate(), r -> new HashMap<>()).merge(s.member(), s.gross(), Long::sum);
        }
        Map<Long, Long> commissionByMember = new HashMap<>();
        List<RateTotal> rates = new ArrayList<>();
        for (Map.Entry<Integer, Map<Long, Long>> byRate : grossByRate.entrySet()) {
            CommissionSplit split = CommissionSplit.of(byRate.getKey(), byRate.getValue());
            byRate.getValue().keySet().forEach(m -> commissionByMember.merge(m, split.shareOf(m), Long::sum));
            rates.add(new RateTotal(byRate.getKey(), byRate.getValue().values().stream().mapToLong(Long::longValue).sum(),
                    split.totalCommission()));
        }

        Map<Long, List<Payout>> payouts = payouts(cooperativeId, scope);
        TreeSet<Long> memberIds = new TreeSet<>(MEMBERS_THEN_NONE);
        sales.forEach(s -> memberIds.add(s.member()));
        memberIds.addAll(payouts.keySet());
        Map<Long, String> memberNames = names("SELECT id, name FROM member WHERE cooperative_id = :cooperative",
                cooperativeId);
        Map<Long, String> productNames = names("SELECT id, name FROM product WHERE cooperative_id = :cooperative",
                cooperativeId);

        List<MemberSettlement> members = new ArrayList<>();
        for (Long member : memberIds) {
            Map<Long, long[]> byProduct = new TreeMap<>();
            for (Sales s : sales) {
                if (Objects.equals(s.member(), member)) {
                    long[] p = byProduct.computeIfAbsent(s.product(), k -> new long[4]);
                    p[0] += s.units();
                    p[1] += s.unitsReversed();
                    p[2] += s.gross();
                    p[3] += s.reversed();
                }
            }
            List<ProductSales> products = byProduct.entrySet().stream().map(p -> new ProductSales(p.getKey(),
                    productNames.get(p.getKey()), p.getValue()[0], p.getValue()[1], p.getValue()[2], p.getValue()[3]))
                    .toList();
            List<Payout> paid = payouts.getOrDefault(member, List.of());
            members.add(new MemberSettlement(member, member == null ? null : memberNames.get(member), products,
                    amounts(products, commissionByMember.getOrDefault(member, 0L),
                            paid.stream().mapToLong(Payout::netVnd).sum()),
                    paid));
        }
        Amounts totals = members.stream().map(MemberSettlement::amounts)
                .reduce(new Amounts(0, 0, 0, 0, 0, 0, 0, 0), SettlementReports::sum);
        return new SettlementReport(cooperativeId, scope.sessionId(), scope.from(), scope.to(),
                SettlementScope.VIETNAM.getId(), members, totals, rates);
    }

    private static Amounts amounts(List<ProductSales> products, long commission, long paidOut) {
        long units = products.stream().mapToLong(ProductSales::unitsSold).sum();
        long gross = products.stream().mapToLong(ProductSales::grossVnd).sum();
        long reversed = products.stream().mapToLong(ProductSales::reversedVnd).sum();
        long fees = 0; // no fee is recorded per household yet
        long net = gross - commission - fees;
        return new Amounts(units, gross, reversed, commission, fees, net, paidOut, net - paidOut);
    }

    private static Amounts sum(Amounts a, Amounts b) {
        return new Amounts(a.unitsSold() + b.unitsSold(), a.grossVnd() + b.grossVnd(), a.reversedVnd() + b.reversedVnd(),
                a.commissionVnd() + b.commissionVnd(), a.feesVnd() + b.feesVnd(), a.netVnd() + b.netVnd(),
                a.paidOutVnd() + b.paidOutVnd(), a.owedVnd() + b.owedVnd());
    }

    private Map<Long, List<Payout>> payouts(long cooperativeId, SettlementScope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("SELECT p.id, p.member_id, p.session_id,"
                + " DATE_FORMAT(p.from_date, '%Y-%m-%d'), DATE_FORMAT(p.to_date, '%Y-%m-%d'), p.gross_vnd,"
                + " p.commission_vnd, p.fees_vnd, p.net_vnd, p.paid_by, DATE_FORMAT(p.paid_at, '%Y-%m-%dT%H:%i:%s.%fZ')"
                + " FROM settlement_payout p WHERE p.cooperative_id = :cooperative AND " + scope.payouts()
                + " ORDER BY p.id"), false, true).setParameter("cooperative", cooperativeId).getResultList();
        Map<Long, List<Payout>> byMember = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Payout payout = new Payout(number(r[0]), number(r[1]), r[2] == null ? null : number(r[2]), date(r[3]),
                    date(r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]), (String) r[9], instant(r[10]));
            byMember.computeIfAbsent(payout.memberId(), m -> new ArrayList<>()).add(payout);
        }
        return byMember;
    }

    private Map<Long, String> names(String sql, long cooperativeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("cooperative", cooperativeId).getResultList();
        Map<Long, String> names = new HashMap<>();
        rows.forEach(r -> names.put(number(r[0]), (String) r[1]));
        return names;
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** Dates and times are read as text: stored in UTC, they then never pass through the JVM's time zone. */
    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse((String) value);
    }

    private static Instant instant(Object value) {
        return Instant.parse((String) value);
    }
}
