package vn.chotdon.catalog.settlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.chotdon.catalog.service.CooperativeService;
import vn.chotdon.catalog.settlement.SettlementReport;
import vn.chotdon.catalog.settlement.SettlementReport.Amounts;
import vn.chotdon.catalog.settlement.SettlementReport.MemberSettlement;
import vn.chotdon.catalog.settlement.SettlementScope;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Marks a member household's settlement of a session or a range of days as paid out. The payout
 * keeps the amounts the report showed at that moment (what was added since the household's
 * previous payout for the same scope), who recorded it and when, and never changes. Money that
 * counts or is reversed afterwards is not hidden in it: the report shows it as {@code owedVnd}
 * (negative when a return came after the payout), and the next payout for that scope settles the
 * difference. A session and a range that overlap cannot both pay the same money: entries a payout
 * settled are marked with it, and a payout for another scope over them is refused.
 */
@ApplicationScoped
public class Payouts {

    private final EntityManager em;
    private final CooperativeService cooperatives;
    private final SettlementReports reports;

    Payouts(EntityManager em, CooperativeService cooperatives, SettlementReports reports) {
        this.em = em;
        this.cooperatives = cooperatives;
        this.reports = reports;
    }

    @Transactional
    public SettlementReport.Payout payOut(long cooperativeId, SettlementScope scope, long memberId, String by,
            Long callerScope) {
        cooperatives.get(cooperativeId, callerScope);
        // One payout of a cooperative at a time: the second of two racing ones sees the first's payout.
        em.createNativeQuery("SELECT id FROM cooperative WHERE id = ?1 FOR UPDATE").setParameter(1, cooperativeId)
                .getResultList();
        if (em.createNativeQuery("SELECT id FROM member WHERE id = ?1 AND cooperative_id = ?2")
                .setParameter(1, memberId).setParameter(2, cooperativeId).getResultList().isEmpty()) {
            throw ProblemException.invalidReference("memberId",
                    "member " + memberId + " of cooperative " + cooperativeId + " does not exist");
        }
        long elsewhere = SettlementReports.number(scope.bind(em.createNativeQuery("SELECT COUNT(*) FROM settlement_entry e"
                + " JOIN settlement_payout p ON p.id = e.payout_id WHERE e.cooperative_id = :cooperative"
                + " AND e.member_id = :member AND " + scope.entries() + " AND NOT " + scope.payouts()), true, true)
                .setParameter("cooperative", cooperativeId).setParameter("member", memberId).getSingleResult());
        if (elsewhere > 0) {
            throw ProblemException.conflict("settled-elsewhere", "Already settled in another payout",
                    elsewhere + " line(s) of member " + memberId + " here were settled by a payout for another session"
                            + " or range of days").with("memberId", memberId);
        }
        SettlementReport report = reports.build(cooperativeId, scope);
        MemberSettlement member = report.members().stream()
                .filter(m -> m.memberId() != null && m.memberId() == memberId).findFirst().orElse(null);
        Amounts owed = owed(member);
        if (owed == null) {
            throw ProblemException.conflict("nothing-owed", "Nothing to pay out",
                    "member " + memberId + " is owed nothing more here").with("memberId", memberId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("INSERT INTO settlement_payout (cooperative_id, member_id, session_id, from_date, to_date,"
                + " gross_vnd, commission_vnd, fees_vnd, net_vnd, paid_by, paid_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, cooperativeId).setParameter(2, memberId).setParameter(3, scope.sessionId())
                .setParameter(4, scope.from()).setParameter(5, scope.to()).setParameter(6, owed.grossVnd())
                .setParameter(7, owed.commissionVnd()).setParameter(8, owed.feesVnd()).setParameter(9, owed.netVnd())
                .setParameter(10, by).setParameter(11, now).executeUpdate();
        long id = SettlementReports.number(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
        scope.bind(em.createNativeQuery("UPDATE settlement_entry e SET e.payout_id = :payout"
                + " WHERE e.cooperative_id = :cooperative AND e.member_id = :member AND e.payout_id IS NULL AND "
                + scope.entries()), true, false)
                .setParameter("payout", id).setParameter("cooperative", cooperativeId).setParameter("member", memberId)
                .executeUpdate();
        return new SettlementReport.Payout(id, memberId, scope.sessionId(), scope.from(), scope.to(), owed.grossVnd(),
                owed.commissionVnd(), owed.feesVnd(), owed.netVnd(), by, now);
    }

    /** What was added since the previous payouts of this scope, or null when nothing was. */
    private static Amounts owed(MemberSettlement member) {
        if (member == null) {
            return null;
        }
        Amounts now = member.amounts();
        long paidGross = member.payouts().stream().mapToLong(SettlementReport.Payout::grossVnd).sum();
        long paidCommission = member.payouts().stream().mapToLong(SettlementReport.Payout::commissionVnd).sum();
        long paidFees = member.payouts().stream().mapToLong(SettlementReport.Payout::feesVnd).sum();
        long gross = now.grossVnd() - paidGross;
        long commission = now.commissionVnd() - paidCommission;
        if (gross == 0 && commission == 0 && now.owedVnd() == 0) {
            return null;
        }
        return new Amounts(0, gross, 0, commission, now.feesVnd() - paidFees, now.owedVnd(), 0, 0);
    }
}
