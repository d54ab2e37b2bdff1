package vn.chotdon.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, as every error of every service is answered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors" })
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json); a problem type may add"
        + " members of its own (e.g. `available` on a stock conflict)", additionalProperties = Schema.True.class)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Every {@code type} is this base plus a stable slug, e.g. {@code .../validation}. */
    public static final String TYPE_BASE = "https://chotdon.vn/problems/";

    @Schema(example = "https://chotdon.vn/problems/validation")
    public final String type;
    @Schema(example = "Invalid request")
    public final String title;
    @Schema(example = "400")
    public final int status;
    @Schema(example = "2 fields are invalid")
    public final String detail;
    public final String instance;
    @Schema(description = "For validation problems: every invalid field")
    public final List<FieldViolation> errors;
    private final Map<String, Object> extensions;

    public Problem(String slug, String title, int status, String detail, String instance,
            List<FieldViolation> errors, Map<String, Object> extensions) {
        this.type = TYPE_BASE + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** Problem-specific members such as {@code available} on a stock conflict. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** With the Retry-After header a client or a proxy can act on: nothing was done, send it again then. */
    public Response toResponseRetryingAfter(long seconds) {
        return Response.status(status).type(MEDIA_TYPE).entity(this).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /** One invalid field: its JSON path ({@code items[0].quantity}) and what is wrong with it. */
    @Schema(name = "FieldViolation")
    public record FieldViolation(
            @Schema(example = "priceVnd") String field,
            @Schema(example = "must be greater than or equal to 0") String message) {
    }
}
