package vn.chotdon.catalog.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.chotdon.catalog.Cooperative;
import vn.chotdon.catalog.Member;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnamPhone;
import vn.chotdon.platform.text.VietnameseText;

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
    public Cooperative get(long id) {
        Cooperative cooperative = Cooperative.findById(id);
        if (cooperative == null) {
            throw ProblemException.notFound("Cooperative", id);
        }
        return cooperative;
    }

    @Transactional
    public Cooperative replace(long id, CooperativeDetails details) {
        Cooperative cooperative = get(id);
        apply(cooperative, details);
        return cooperative;
    }

    @Transactional
    public CooperativePage list(int page, int size) {
        var found = Cooperative.findAll(Sort.by("id")).page(Page.of(page, size));
        return new CooperativePage(found.list(), found.count());
    }

    @Transactional
    public Member addMember(long cooperativeId, MemberDetails details) {
        get(cooperativeId);
        Member member = new Member();
        member.cooperativeId = cooperativeId;
        apply(member, details);
        member.persist();
        return member;
    }

    @Transactional
    public Member member(long cooperativeId, long memberId) {
        Member member = Member.findById(memberId);
        if (member == null || member.cooperativeId != cooperativeId) {
            throw ProblemException.notFound("Member", memberId + " of cooperative " + cooperativeId);
        }
        return member;
    }

    @Transactional
    public Member replaceMember(long cooperativeId, long memberId, MemberDetails details) {
        Member member = member(cooperativeId, memberId);
        apply(member, details);
        return member;
    }

    @Transactional
    public List<Member> members(long cooperativeId) {
        get(cooperativeId);
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
