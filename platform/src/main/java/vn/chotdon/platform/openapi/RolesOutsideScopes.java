package vn.chotdon.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Quarkus writes an operation's {@code @RolesAllowed} roles as the scopes of its bearer security
 * requirement; OpenAPI 3.0 allows scopes only for OAuth 2 and OpenID Connect schemes, so linters and
 * client generators reject them on a plain bearer scheme. The roles move to an {@code x-roles}
 * extension and to the end of the operation's description ("Roles: owner, staff."), and the
 * requirement keeps an empty scope list. An operation with no description gets none from here, so
 * that the lint still reports it.
 */
public class RolesOutsideScopes implements OASFilter {

    static final String EXTENSION = "x-roles";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, SecurityScheme> schemes = openAPI.getComponents() == null ? Map.of()
                : openAPI.getComponents().getSecuritySchemes() == null ? Map.of()
                : openAPI.getComponents().getSecuritySchemes();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                move(operation, schemes);
            }
        }
    }

    private static void move(Operation operation, Map<String, SecurityScheme> schemes) {
        if (operation.getSecurity() == null) {
            return;
        }
        TreeSet<String> roles = new TreeSet<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> scheme : Map.copyOf(requirement.getSchemes()).entrySet()) {
                if (scheme.getValue() != null && !scheme.getValue().isEmpty() && !takesScopes(schemes.get(scheme.getKey()))) {
                    roles.addAll(scheme.getValue());
                    requirement.addScheme(scheme.getKey(), new ArrayList<>());
                }
            }
        }
        if (roles.isEmpty()) {
            return;
        }
        operation.addExtension(EXTENSION, List.copyOf(roles));
        if (operation.getDescription() != null && !operation.getDescription().isBlank()) {
            String text = operation.getDescription().strip();
            operation.setDescription(text + (text.endsWith(".") ? "" : ".") + "\n\nRoles: " + String.join(", ", roles) + ".");
        }
    }

    private static boolean takesScopes(SecurityScheme scheme) {
        return scheme != null && (scheme.getType() == SecurityScheme.Type.OAUTH2
                || scheme.getType() == SecurityScheme.Type.OPENIDCONNECT);
    }
}
