package vn.chotdon.platform.openapi;

import io.smallrye.openapi.api.util.FilterUtil;
import io.smallrye.openapi.api.util.UnusedSchemaFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The one filter every service's OpenAPI document goes through (mp.openapi.filter): the changes that
 * hold for the whole document, in order. Each step is a filter of its own, so that it can be read
 * and tested alone: the platform's common problem answers, roles outside the bearer scopes, public
 * operations marked public. Last, the schemas no operation
 * reaches any more are dropped: a client generator would otherwise make classes nobody uses, and the
 * linters report them.
 */
public class ContractDocument implements OASFilter {

    private final List<OASFilter> steps = List.of(
            new CommonProblemAnswers(),
            new RolesOutsideScopes(),
            new PublicOperations());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (OASFilter step : steps) {
            step.filterOpenAPI(openAPI);
        }
        FilterUtil.applyFilter(new UnusedSchemaFilter(), openAPI);
    }
}
