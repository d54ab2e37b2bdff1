package vn.chotdon.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.catalog.Cooperative;
import vn.chotdon.catalog.Member;
import vn.chotdon.catalog.service.CooperativeDetails;
import vn.chotdon.catalog.service.CooperativeService;
import vn.chotdon.catalog.service.MemberDetails;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.security.Roles;

@Path("/cooperatives")
@Tag(name = "Cooperatives", description = "Cooperatives (HTX) and their member households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CooperativeResource {

    private final CooperativeService cooperatives;

    CooperativeResource(CooperativeService cooperatives) {
        this.cooperatives = cooperatives;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a cooperative")
    public Response create(@Valid @NotNull CooperativeDetails details) {
        Cooperative created = cooperatives.create(details);
        return Response.created(URI.create("/cooperatives/" + created.id)).entity(CooperativeView.of(created)).build();
    }

    @GET
    @Operation(summary = "List cooperatives, page by page")
    public PageOf<CooperativeView> list(@Valid @BeanParam PageParams paging) {
        var found = cooperatives.list(paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), CooperativeView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a cooperative")
    public CooperativeView get(@PathParam("id") long id) {
        return CooperativeView.of(cooperatives.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a cooperative's details")
    public CooperativeView replace(@PathParam("id") long id, @Valid @NotNull CooperativeDetails details) {
        return CooperativeView.of(cooperatives.replace(id, details));
    }

    @POST
    @Path("/{id}/members")
    @Operation(summary = "Add a member household to a cooperative")
    public Response addMember(@PathParam("id") long id, @Valid @NotNull MemberDetails details) {
        Member member = cooperatives.addMember(id, details);
        return Response.created(URI.create("/cooperatives/" + id + "/members/" + member.id))
                .entity(MemberView.of(member)).build();
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "List a cooperative's member households")
    public List<MemberView> members(@PathParam("id") long id) {
        return cooperatives.members(id).stream().map(MemberView::of).toList();
    }

    @GET
    @Path("/{id}/members/{memberId}")
    @Operation(summary = "Read a member household")
    public MemberView member(@PathParam("id") long id, @PathParam("memberId") long memberId) {
        return MemberView.of(cooperatives.member(id, memberId));
    }

    @PUT
    @Path("/{id}/members/{memberId}")
    @Operation(summary = "Replace a member household's details")
    public MemberView replaceMember(@PathParam("id") long id, @PathParam("memberId") long memberId,
            @Valid @NotNull MemberDetails details) {
        return MemberView.of(cooperatives.replaceMember(id, memberId, details));
    }
}
