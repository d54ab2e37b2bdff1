package vn.chotdon.catalog.service;

import io.quarkus.panache.common.Parameters;

/**
 * The caller's cooperative as part of a query, so that data of another cooperative is never
 * loaded and answers 404 exactly like data that does not exist. A null scope means the caller is
 * bound to no cooperative (the platform admin, another service) and the query is left as it is.
 */
final class CooperativeScope {

    private CooperativeScope() {
    }

    /** @return the query with {@code and <column> = :scope} added when the caller is bound to a cooperative */
    static String restrict(String query, Parameters parameters, String column, Long scope) {
        if (scope == null) {
            return query;
        }
        parameters.and("scope", scope);
        return query + " and " + column + " = :scope";
    }
}
