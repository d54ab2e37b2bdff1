package vn.chotdon.livestream.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Reads catalog-service's problem+json body of a refusal, whatever its media type says. */
final class ProblemBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemBody() {
    }

    /** @return the body as JSON, or null if there is none or it is not JSON */
    static JsonNode read(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (Exception e) {
            return null;
        }
    }
}
