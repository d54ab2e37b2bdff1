package vn.chotdon.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Create a product (as DRAFT)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A cooperative that does not exist or is not the caller's,"
            + " or a member of another cooperative",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ProductDraft draft) {
        Product created = products.create(draft, caller.cooperativeScope());
        return Response.created(URI.create("/products/" + created.id)).entity(ProductView.of(created)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List products, filtered and searched",
            description = "Search matches every word of q in the name, in any case, with or without diacritics:"
                    + " 'banh gio' finds 'Bánh gio Thanh Huệ'. Without a token only ACTIVE products are listed;"
                    + " a cooperative's owner and staff also see its DRAFT and RETIRED ones.")
    public PageOf<ProductView> list(
            @QueryParam("cooperativeId") @Parameter(example = "1") Long cooperativeId,
            @QueryParam("status") @Parameter(example = "ACTIVE") ProductStatus status,
            @QueryParam("q") @Parameter(description = "Words to find in the name", example = "banh gio") String q,
            @Valid @BeanParam PageParams paging) {
        var found = products.list(new ProductQuery(cooperativeId, status, q), viewer(), paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), ProductView::of);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read a product",
            description = "Anyone may read an ACTIVE product; a DRAFT or RETIRED one only its cooperative's owner"
                    + " and staff.")
    @APIResponse(responseCode = "404", description = "No such product, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductView get(@PathParam("id") long id) {
        return ProductView.of(products.get(id, viewer()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Replace a product's changeable fields")
    @APIResponse(responseCode = "409", description = "The product is retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductView replace(@PathParam("id") long id, @Valid @NotNull ProductChange change) {
        return ProductView.of(products.replace(id, change, caller.cooperativeScope()));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change some fields of a product (JSON merge patch)",
            description = "Fields present replace the current value, null clears an optional field, absent fields stay.")
    public ProductView patch(@PathParam("id") long id,
            @Schema(implementation = ProductChange.class) JsonNode patch) {
        return ProductView.of(products.patch(id, patch, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Offer a DRAFT product for sale (ACTIVE)")
    @APIResponse(responseCode = "409", description = "Not a legal status change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProductView activate(@PathParam("id") long id) {
        return ProductView.of(products.changeStatus(id, ProductStatus.ACTIVE, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Retire a product for good")
    public ProductView retire(@PathParam("id") long id) {
        return ProductView.of(products.changeStatus(id, ProductStatus.RETIRED, caller.cooperativeScope()));
    }

    private Viewer viewer() {
        return new Viewer(caller.cooperativeScope(), caller.is(Roles.SERVICE));
    }
}
