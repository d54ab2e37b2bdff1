package vn.chotdon.catalog.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.chotdon.catalog.Cooperative;
import vn.chotdon.catalog.Member;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnamPhone;
import vn.chotdon.platform.text.VietnameseText;

/**
 * Cooperatives and their member households. Every read and change takes the caller's cooperative
 * scope (null for the platform admin): an owner or staff member reaches only their own cooperative.
 */
@ApplicationScoped
public class CooperativeService {

    public record CooperativePage(List<Cooperative> items, long total) {
    }

    @Transactional
    public Cooperative create(CooperativeDetails details) {
        Cooperative cooperative = new Cooperative();
        apply(cooperative, details);
        cooperative.persist();
        return cooperative;
    }

    @Transactional
    public Cooperative get(long id, Long scope) {
        Parameters parameters = Parameters.with("id", id);
        Cooperative cooperative = Cooperative.<Cooperative>find(
                CooperativeScope.restrict("id = :id", parameters, "id", scope), parameters).firstResult();
        if (cooperative == null) {
            throw ProblemException.notFound("Cooperative", id);
        }
        return cooperative;
    }

    @Transactional
    public Cooperative replace(long id, CooperativeDetails details, Long scope) {
        Cooperative cooperative = get(id, scope);
        apply(cooperative, details);
        return cooperative;
    }

    /** Every cooperative for the admin; for an owner or staff member, only their own. */
    @Transactional
    public CooperativePage list(int page, int size, Long scope) {
        PanacheQuery<Cooperative> found = scope == null ? Cooperative.findAll(Sort.by("id"))
                : Cooperative.find("id", Sort.by("id"), scope);
        found.page(Page.of(page, size));
        return new CooperativePage(found.list(), found.count());
    }

    @Transactional
    public Member addMember(long cooperativeId, MemberDetails details, Long scope) {
        get(cooperativeId, scope);
        Member member = new Member();
        member.cooperativeId = cooperativeId;
        apply(member, details);
        member.persist();
        return member;
    }

    @Transactional
    public Member member(long cooperativeId, long memberId, Long scope) {
        Parameters parameters = Parameters.with("id", memberId).and("cooperativeId", cooperativeId);
        Member member = Member.<Member>find(CooperativeScope.restrict("id = :id and cooperativeId = :cooperativeId",
                parameters, "cooperativeId", scope), parameters).firstResult();
        if (member == null) {
            throw ProblemException.notFound("Member", memberId + " of cooperative " + cooperativeId);
        }
        return member;
    }

    @Transactional
    public Member replaceMember(long cooperativeId, long memberId, MemberDetails details, Long scope) {
        Member member = member(cooperativeId, memberId, scope);
        apply(member, details);
        return member;
    }

    @Transactional
    public List<Member> members(long cooperativeId, Long scope) {
        get(cooperativeId, scope);
        return Member.list("cooperativeId", Sort.by("id"), cooperativeId);
    }

    private static void apply(Cooperative cooperative, CooperativeDetails details) {
        cooperative.name = VietnameseText.tidy(details.name());
        cooperative.province = VietnameseText.tidy(details.province());
        cooperative.commune = VietnameseText.tidy(details.commune());
        cooperative.phone = details.phone() == null ? null : VietnamPhone.normalise(details.phone()).orElseThrow();
    }

    private static void apply(Member member, MemberDetails details) {
        member.name = VietnameseText.tidy(details.name());
        member.commune = VietnameseText.tidy(details.commune());
        member.phone = details.phone() == null ? null : VietnamPhone.normalise(details.phone()).orElseThrow();
    }
}
