package vn.chotdon.platform.openapi;

import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * An operation anyone may call ({@code @PermitAll}: placing an order, the live board, a buyer's own
 * order reached with its order token) has no security requirement in the generated document, which
 * reads as "forgotten" rather than "public". It gets an explicit empty one ({@code security: []}),
 * the OpenAPI way to say that no bearer token is needed.
 */
public class PublicOperations implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || (openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty())) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(new ArrayList<>());
                }
            }
        }
    }
}
