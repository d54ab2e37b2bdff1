package vn.chotdon.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call one endpoint, and the call that proves it: the OpenAPI operation it stands for
 * ({@code method} and {@code template}, e.g. {@code /products/{id}}), a concrete path to data of
 * the home cooperative, a body, and the status a permitted caller gets.
 *
 * @param roles            the roles allowed; empty for a public endpoint
 * @param cooperativeBound whether an owner or staff member of another cooperative must get
 *                         {@code foreignStatus} (404 for data that is not theirs)
 */
public record AccessRule(String method, String template, String path, String body, Set<String> roles,
        boolean cooperativeBound, int allowedStatus, int foreignStatus) {

    public static AccessRule publicEndpoint(String method, String template, String path, int allowedStatus) {
        return new AccessRule(method, template, path, null, Set.of(), false, allowedStatus, 0);
    }

    /** Only these roles, and owners and staff only for their own cooperative's data (404 otherwise). */
    public static AccessRule protectedEndpoint(String method, String template, String path, int allowedStatus,
            String... roles) {
        return new AccessRule(method, template, path, null, new LinkedHashSet<>(List.of(roles)), true,
                allowedStatus, 404);
    }

    public AccessRule withBody(String json) {
        return new AccessRule(method, template, path, json, roles, cooperativeBound, allowedStatus, foreignStatus);
    }

    /** What an owner or staff member of another cooperative gets, when it is not 404 (a list leaves it out: 200). */
    public AccessRule foreign(int status) {
        return new AccessRule(method, template, path, body, roles, cooperativeBound, allowedStatus, status);
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }

    public String operation() {
        return method + " " + template;
    }
}
