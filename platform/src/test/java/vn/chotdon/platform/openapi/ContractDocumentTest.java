package vn.chotdon.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class ContractDocumentTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static Operation answering(Schema body) {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200",
                OASFactory.createAPIResponse().description("ok").content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(body)))));
    }

    /** A document as Quarkus writes it: roles as bearer scopes, a public operation without security, a schema nobody uses. */
    private static OpenAPI generated() {
        Schema page = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("items", OASFactory.createSchema().addType(SchemaType.ARRAY).items(ref("Product")));
        Operation listProducts = answering(ref("ProductPage")).description("Products of the token's cooperative")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", List.of("staff", "owner")));
        Operation board = answering(ref("Board"));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSchema("Product", OASFactory.createSchema().addType(SchemaType.OBJECT))
                        .addSchema("Board", OASFactory.createSchema().addType(SchemaType.OBJECT))
                        .addSchema("ProductPage", page)
                        .addSchema("Problem", OASFactory.createSchema().addType(SchemaType.OBJECT))
                        .addSchema("JsonNode", OASFactory.createSchema().addType(SchemaType.OBJECT)))
                .paths(OASFactory.createPaths()
                        .addPathItem("/products", OASFactory.createPathItem().GET(listProducts))
                        .addPathItem("/sessions/{id}/board", OASFactory.createPathItem().GET(board)));
    }

    @Test
    void rolesLeaveTheScopesForAnExtensionAndTheDescription() {
        OpenAPI document = generated();
        new ContractDocument().filterOpenAPI(document);

        Operation listProducts = document.getPaths().getPathItem("/products").getGET();
        assertThat(listProducts.getSecurity()).hasSize(1);
        assertThat(listProducts.getSecurity().get(0).getScheme("bearer")).isEmpty();
        assertThat(listProducts.getExtensions()).containsEntry("x-roles", List.of("owner", "staff"));
        assertThat(listProducts.getDescription()).isEqualTo("Products of the token's cooperative.\n\nRoles: owner, staff.");
        // Still secured: the platform's 401 and 403 stay documented.
        assertThat(listProducts.getResponses().getAPIResponses()).containsKeys("401", "403");
    }

    @Test
    void anOperationWithoutDescriptionGetsNoneFromTheRoles() {
        OpenAPI document = generated();
        document.getPaths().getPathItem("/products").getGET().setDescription(null);
        new ContractDocument().filterOpenAPI(document);

        Operation listProducts = document.getPaths().getPathItem("/products").getGET();
        assertThat(listProducts.getDescription()).isNull();
        assertThat(listProducts.getExtensions()).containsEntry("x-roles", List.of("owner", "staff"));
    }

    @Test
    void aPublicOperationSaysSoWithAnEmptySecurityRequirementAndOnlyATokenSentAnywayCanBeRefused() {
        OpenAPI document = generated();
        new ContractDocument().filterOpenAPI(document);

        Operation board = document.getPaths().getPathItem("/sessions/{id}/board").getGET();
        assertThat(board.getSecurity()).isNotNull().isEmpty();
        // No token is needed, so nothing is forbidden; a token that is sent anyway is still verified.
        assertThat(board.getResponses().getAPIResponses()).containsKey("401").doesNotContainKey("403");
    }

    @Test
    void schemasNoOperationReachesGo() {
        OpenAPI document = generated();
        new ContractDocument().filterOpenAPI(document);

        // Product is reached through ProductPage's items, Problem through the platform's error answers.
        assertThat(document.getComponents().getSchemas()).containsOnlyKeys("Product", "Board", "ProductPage", "Problem");
    }

    @Test
    void runningTwiceChangesNothingMore() {
        OpenAPI document = generated();
        new ContractDocument().filterOpenAPI(document);
        new ContractDocument().filterOpenAPI(document);

        Operation listProducts = document.getPaths().getPathItem("/products").getGET();
        assertThat(listProducts.getDescription()).isEqualTo("Products of the token's cooperative.\n\nRoles: owner, staff.");
        assertThat(listProducts.getExtensions()).containsEntry("x-roles", List.of("owner", "staff"));
    }
}
