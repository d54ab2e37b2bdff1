package vn.chotdon.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.catalog.Product;
import vn.chotdon.catalog.ProductStatus;
import vn.chotdon.catalog.service.ProductChange;
import vn.chotdon.catalog.service.ProductDraft;
import vn.chotdon.catalog.service.ProductService;
import vn.chotdon.catalog.service.ProductService.ProductQuery;
import vn.chotdon.catalog.service.ProductService.Viewer;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.platform.validation.StoredText;

/**
 * A cooperative's owner and staff keep its products; anyone may read the ACTIVE ones (what
 * viewers of a live sale see), and a product nobody may see yet answers 404 like a missing one.
 */
@Path("/products")
@Tag(name = "Products", description = "What cooperatives sell")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ProductService products;
    private final Caller caller;

    ProductResource(ProductService products, Caller caller) {
        this.products = products;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "createProduct", summary = "Create a product (as DRAFT)",
            description = "Creates a product of the caller's own cooperative; it is not for sale until activated.")
    @APIResponse(responseCode = "201", description = "The product, as a DRAFT",
            headers = @Header(name = "Location", description = DocumentedAnswers.LOCATION,
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", example = "/products/42")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "422", description = "A cooperative that does not exist or is not the caller's, or a"
            + " member of another cooperative." + DocumentedAnswers.INVALID_REFERENCE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(@Valid @NotNull ProductDraft draft) {
        Product created = products.create(draft, caller.cooperativeScope());
        return Response.created(URI.create("/products/" + created.id)).entity(ProductView.of(created)).build();
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "listProducts", summary = "List products, filtered and searched",
            description = "Search matches every word of q in the name, in any case, with or without diacritics:"
                    + " 'banh gio' finds 'Bánh gio Thanh Huệ'. Without a token only ACTIVE products are listed;"
                    + " a cooperative's owner and staff also see its DRAFT and RETIRED ones, another service every"
                    + " product. Sorted by id. A token is not needed; send one to see more than ACTIVE products.")
    @APIResponse(responseCode = "200", description = "One page of the products the caller may see",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProductPage")))
    @APIResponse(responseCode = "401", description = "A bearer token was sent and is not valid (none is needed)."
            + " `type`: https://chotdon.vn/problems/unauthorized",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PageOf<ProductView> list(
            @QueryParam("cooperativeId") @Parameter(description = "Only this cooperative's products", example = "1")
            Long cooperativeId,
            @QueryParam("status") @Parameter(description = "Only products in this status", example = "ACTIVE")
            ProductStatus status,
            @QueryParam("q") @Size(max = 200) @StoredText(max = 200)
            @Parameter(description = "Words to find in the name", example = "banh gio") String q,
            @Valid @BeanParam PageParams paging) {
        var found = products.list(new ProductQuery(cooperativeId, status, q), viewer(), paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), ProductView::of);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "getProduct", summary = "Read a product",
            description = "Anyone may read an ACTIVE product; a DRAFT or RETIRED one only its cooperative's owner"
                    + " and staff, and another service. A token is not needed; send one to see more than ACTIVE"
                    + " products.")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "401", description = "A bearer token was sent and is not valid (none is needed)."
            + " `type`: https://chotdon.vn/problems/unauthorized",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such product, or not one the caller may see."
            + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ProductView get(@PathParam("id") long id) {
        return ProductView.of(products.get(id, viewer()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "replaceProduct", summary = "Replace a product's changeable fields",
            description = "Sends every changeable field: one left out is cleared (or refused when it is required)."
                    + " Its cooperative and status do not change here.")
    @APIResponse(responseCode = "200", description = "The product as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The product is retired (`type`: https://chotdon.vn/problems/product-retired),"
            + " or it was " + DocumentedAnswers.CONCURRENT + ".",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "memberId is not a member of the product's cooperative."
            + DocumentedAnswers.INVALID_REFERENCE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ProductView replace(@PathParam("id") long id, @Valid @NotNull ProductChange change) {
        return ProductView.of(products.replace(id, change, caller.cooperativeScope()));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(operationId = "patchProduct", summary = "Change some fields of a product (JSON merge patch)",
            description = "A JSON merge patch (RFC 7396) of the product's changeable fields: a field present replaces"
                    + " the current value, null clears an optional field, an absent one stays. A field that is not one"
                    + " of them is refused with 400 `validation` naming it, and nothing changes.")
    @RequestBody(required = true, description = "Any subset of the fields of ProductChange",
            content = {
                    @Content(mediaType = MERGE_PATCH, schema = @Schema(ref = "ProductPatch")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProductPatch")) })
    @APIResponse(responseCode = "200", description = "The product as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The product is retired (`type`: https://chotdon.vn/problems/product-retired),"
            + " or it was " + DocumentedAnswers.CONCURRENT + ".",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "memberId is not a member of the product's cooperative."
            + DocumentedAnswers.INVALID_REFERENCE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ProductView patch(@PathParam("id") long id, JsonNode patch) {
        return ProductView.of(products.patch(id, patch, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "activateProduct", summary = "Offer a DRAFT product for sale (ACTIVE)",
            description = "From then on anyone may see it and sessions may reserve it. Activating an ACTIVE product"
                    + " changes nothing.")
    @APIResponse(responseCode = "200", description = "The product, ACTIVE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The product is RETIRED (`type`:"
            + " https://chotdon.vn/problems/illegal-status-change, with `currentStatus`), or it was "
            + DocumentedAnswers.CONCURRENT + ".",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = DocumentedAnswers.STATUS_CONFLICT)))
    public ProductView activate(@PathParam("id") long id) {
        return ProductView.of(products.changeStatus(id, ProductStatus.ACTIVE, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "retireProduct", summary = "Retire a product for good",
            description = "A retired product is no longer for sale, takes no more stock and cannot change; it stays"
                    + " readable by its cooperative. Retiring a RETIRED product changes nothing.")
    @APIResponse(responseCode = "200", description = "The product, RETIRED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "It was " + DocumentedAnswers.CONCURRENT + ".",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ProductView retire(@PathParam("id") long id) {
        return ProductView.of(products.changeStatus(id, ProductStatus.RETIRED, caller.cooperativeScope()));
    }

    private Viewer viewer() {
        return new Viewer(caller.cooperativeScope(), caller.is(Roles.SERVICE));
    }
}
