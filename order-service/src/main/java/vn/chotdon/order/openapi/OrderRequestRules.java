package vn.chotdon.order.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import vn.chotdon.order.address.Provinces;

/**
 * The rules of an order's body that annotations cannot state, written into the document so that a
 * client knows them before the service refuses: the provinces a delivery address may name (the
 * list the service resolves against, kept in a file, not in an annotation), and that each line (and
 * a waitlist join) gives exactly one of a lineup code and a lineup item id.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OrderRequestRules implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema address = openAPI.getComponents().getSchemas().get("DeliveryAddress");
        if (address != null && address.getProperties() != null && address.getProperties().get("province") != null) {
            address.getProperties().get("province").setEnumeration(new ArrayList<>(Provinces.names()));
        }
        for (String oneItem : List.of("PlaceOrderItem", "JoinWaitlist")) {
            Schema line = openAPI.getComponents().getSchemas().get(oneItem);
            if (line != null) {
                line.setOneOf(List.of(onlyOne("code", "itemId"), onlyOne("itemId", "code")));
            }
        }
    }

    /**
     * A line that gives {@code present} and not {@code absent}; both are properties of the line
     * itself, which is why Redocly's no-required-schema-properties-undefined is off.
     */
    private static Schema onlyOne(String present, String absent) {
        return OASFactory.createSchema().required(List.of(present))
                .not(OASFactory.createSchema().required(List.of(absent)));
    }
}
