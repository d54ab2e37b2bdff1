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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.catalog.Cooperative;
import vn.chotdon.catalog.Member;
import vn.chotdon.catalog.service.CooperativeDetails;
import vn.chotdon.catalog.service.CooperativeService;
import vn.chotdon.catalog.service.MemberDetails;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/**
 * Cooperatives are registered by the platform admin; their owner keeps their details and members
 * up to date, their staff reads them. Phones are personal data: nothing here is public.
 */
@Path("/cooperatives")
@Tag(name = "Cooperatives", description = "Cooperatives (HTX) and their member households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CooperativeResource {

    private final CooperativeService cooperatives;
    private final Caller caller;

    CooperativeResource(CooperativeService cooperatives, Caller caller) {
        this.cooperatives = cooperatives;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerCooperative", summary = "Register a cooperative",
            description = "The platform admin registers a cooperative; its owner then keeps its details and members.")
    @APIResponse(responseCode = "201", description = "The cooperative",
            headers = @Header(name = "Location", description = DocumentedAnswers.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", example = "/cooperatives/1")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CooperativeView.class)))
    public Response create(@Valid @NotNull CooperativeDetails details) {
        Cooperative created = cooperatives.create(details);
        return Response.created(URI.create("/cooperatives/" + created.id)).entity(CooperativeView.of(created)).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "listCooperatives", summary = "List cooperatives, page by page",
            description = "Every cooperative for the admin; an owner's or staff member's own cooperative for them."
                    + " Sorted by id.")
    @APIResponse(responseCode = "200", description = "One page of cooperatives",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CooperativePage")))
    public PageOf<CooperativeView> list(@Valid @BeanParam PageParams paging) {
        var found = cooperatives.list(paging.page, paging.size, caller.cooperativeScope());
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), CooperativeView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "getCooperative", summary = "Read a cooperative",
            description = "Any cooperative for the admin; their own for an owner or staff member.")
    @APIResponse(responseCode = "200", description = "The cooperative", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CooperativeView.class)))
    @APIResponse(responseCode = "404", description = "No such cooperative, or not the caller's." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CooperativeView get(@PathParam("id") long id) {
        return CooperativeView.of(cooperatives.get(id, caller.cooperativeScope()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Operation(operationId = "replaceCooperative", summary = "Replace a cooperative's details",
            description = "Sends every field: an optional one left out is cleared.")
    @APIResponse(responseCode = "200", description = "The cooperative as changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CooperativeView.class)))
    @APIResponse(responseCode = "404", description = "No such cooperative, or not the caller's." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "It was " + DocumentedAnswers.CONCURRENT + ".",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CooperativeView replace(@PathParam("id") long id, @Valid @NotNull CooperativeDetails details) {
        return CooperativeView.of(cooperatives.replace(id, details, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Operation(operationId = "addMember", summary = "Add a member household to a cooperative",
            description = "A household that makes some of the cooperative's products.")
    @APIResponse(responseCode = "201", description = "The member household",
            headers = @Header(name = "Location", description = DocumentedAnswers.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", example = "/cooperatives/1/members/3")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such cooperative, or not the caller's." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response addMember(@PathParam("id") long id, @Valid @NotNull MemberDetails details) {
        Member member = cooperatives.addMember(id, details, caller.cooperativeScope());
        return Response.created(URI.create("/cooperatives/" + id + "/members/" + member.id))
                .entity(MemberView.of(member)).build();
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "listMembers", summary = "List a cooperative's member households",
            description = "Every member household of the cooperative, sorted by id.")
    @APIResponse(responseCode = "200", description = "The member households")
    @APIResponse(responseCode = "404", description = "No such cooperative, or not the caller's." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public List<MemberView> members(@PathParam("id") long id) {
        return cooperatives.members(id, caller.cooperativeScope()).stream().map(MemberView::of).toList();
    }

    @GET
    @Path("/{id}/members/{memberId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "getMember", summary = "Read a member household",
            description = "A member household of the cooperative, with its phone.")
    @APIResponse(responseCode = "200", description = "The member household", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member household of the cooperative, or not the"
            + " caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public MemberView member(@PathParam("id") long id, @PathParam("memberId") long memberId) {
        return MemberView.of(cooperatives.member(id, memberId, caller.cooperativeScope()));
    }

    @PUT
    @Path("/{id}/members/{memberId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Operation(operationId = "replaceMember", summary = "Replace a member household's details",
            description = "Sends every field: an optional one left out is cleared.")
    @APIResponse(responseCode = "200", description = "The member household as changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member household of the cooperative, or not the"
            + " caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "It was " + DocumentedAnswers.CONCURRENT + ".",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public MemberView replaceMember(@PathParam("id") long id, @PathParam("memberId") long memberId,
            @Valid @NotNull MemberDetails details) {
        return MemberView.of(cooperatives.replaceMember(id, memberId, details, caller.cooperativeScope()));
    }
}
