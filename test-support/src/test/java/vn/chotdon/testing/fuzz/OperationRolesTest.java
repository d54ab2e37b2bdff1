package vn.chotdon.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The roles an operation allows are read wherever the document says them. */
class OperationRolesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fromTheScopesOfTheSecurityRequirement() throws Exception {
        assertThat(roles("{}", "[{\"bearer\": [\"owner\", \"staff\"]}]")).containsExactly("owner", "staff");
    }

    @Test
    void fromAnExtension() throws Exception {
        assertThat(roles("{\"x-roles\": [\"service\"]}", "[{\"bearer\": []}]")).containsExactly("service");
    }

    @Test
    void fromTheDescription() throws Exception {
        assertThat(roles("{\"description\": \"Withdraws an item. Roles: `service` (livestream-service calls it).\"}",
                "[{\"bearer\": []}]")).containsExactly("service");
        assertThat(roles("{\"description\": \"For the owner or staff role of the cooperative. Then order-service hears of it.\"}",
                "[{\"bearer\": []}]")).containsExactly("owner", "staff");
    }

    @Test
    void noneWhenTheDocumentNamesNone() throws Exception {
        assertThat(roles("{\"description\": \"Reads the order-service tally.\"}", "[{\"bearer\": []}]")).isEmpty();
    }

    private static java.util.List<String> roles(String operation, String security) throws Exception {
        JsonNode op = JSON.readTree(operation);
        return OpenApiOperations.roles(op, JSON.readTree(security));
    }
}
