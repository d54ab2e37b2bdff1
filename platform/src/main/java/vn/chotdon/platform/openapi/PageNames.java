package vn.chotdon.platform.openapi;

import io.smallrye.openapi.api.util.FilterUtil;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The platform's {@code PageOf<T>} comes out as schemas Page, Page1, Page2... in the order the scanner
 * met them, so a generated client's listProducts returned a {@code Page3} that the next build could
 * call {@code Page4}. Each page schema is named after what it lists instead: ProductPage, OrderPage,
 * ParkedEventPage; every reference to it follows.
 */
public class PageNames implements OASFilter {

    private static final Pattern NUMBERED_PAGE = Pattern.compile("Page\\d*");
    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, String> renames = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            String listed = listedSchema(schema);
            if (NUMBERED_PAGE.matcher(name).matches() && listed != null) {
                String wanted = listed + "Page";
                if (!schemas.containsKey(wanted) && !renames.containsValue(wanted)) {
                    renames.put(name, wanted);
                }
            }
        });
        if (renames.isEmpty()) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> renamed.put(renames.getOrDefault(name, name), schema));
        openAPI.getComponents().setSchemas(renamed);
        FilterUtil.applyFilter(new OASFilter() {
            @Override
            public Schema filterSchema(Schema schema) {
                String ref = schema.getRef();
                if (ref != null && ref.startsWith(PREFIX) && renames.containsKey(ref.substring(PREFIX.length()))) {
                    schema.setRef(PREFIX + renames.get(ref.substring(PREFIX.length())));
                }
                return schema;
            }
        }, openAPI);
    }

    /** The schema name in {@code items: {type: array, items: {$ref: ...}}}, or null. */
    private static String listedSchema(Schema page) {
        if (page.getProperties() == null) {
            return null;
        }
        Schema items = page.getProperties().get("items");
        if (items == null || items.getItems() == null || items.getItems().getRef() == null
                || !items.getItems().getRef().startsWith(PREFIX)) {
            return null;
        }
        return items.getItems().getRef().substring(PREFIX.length());
    }
}
