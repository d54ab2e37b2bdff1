package vn.chotdon.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import vn.chotdon.platform.problem.Problem;

/**
 * Adds to every operation of a service's OpenAPI document the problem answers that come from the
 * platform rather than from the operation itself, unless the operation documents that status with
 * its own words: 400 for a bad parameter or body, 401 for a token that is not valid and 403 where a
 * token is required, 406 for an Accept header it cannot satisfy, 413 for a body too large, 414 and
 * 431 for a request line or headers over the limits, 415 for a body of another media type, and 503
 * while the database cannot be reached. The document is OpenAPI 3.0.3 (see microprofile-config.properties), which every
 * linter, validator and client generator the front-end teams use reads fully.
 */
public class CommonProblemAnswers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                complete(entry.getValue(), item, securedByDefault);
            }
        }
    }

    private static void complete(Operation operation, PathItem item, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses answers = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        if (takesInput) {
            add(answers, "400", "The request is invalid: a parameter of the wrong type, malformed or unknown"
                    + " JSON, or fields that break a rule (each listed in `errors`).",
                    "validation", "malformed-json", "unstorable-value");
        }
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        if (secured) {
            add(answers, "401", "No valid bearer token.", "unauthorized");
            add(answers, "403", "The token's role or cooperative may not do this.", "forbidden");
        } else {
            // A public operation needs no token, but one that is sent is still verified.
            add(answers, "401", "A bearer token was sent and is not valid (expired, wrongly signed...).",
                    "unauthorized");
        }
        add(answers, "406", "The Accept header asks for a media type this operation does not produce.",
                "not-acceptable");
        // Any request may carry a body, even to an operation that takes none.
        add(answers, "413", "The body is larger than the service accepts.", "body-too-large");
        add(answers, "414", "The request line (path and query) is longer than 4 KiB.", "uri-too-long");
        add(answers, "415", operation.getRequestBody() != null
                ? "The body's Content-Type is not one this operation consumes."
                : "A body was sent with a Content-Type, and this operation takes no body.",
                "unsupported-media-type");
        add(answers, "431", "The request headers are larger than 16 KiB.", "headers-too-large");
        if (!answers.hasAPIResponse("503")) {
            APIResponse unavailable = problem("The database cannot be reached for now; send the same request again"
                    + " (with the same Idempotency-Key) after Retry-After seconds.", List.of("database-unavailable"));
            unavailable.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before sending the request again")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
            answers.addAPIResponse("503", unavailable);
        }
    }

    /** Quarkus itself adds bare 400, 401 and 403 answers with no body; ours say what comes back. */
    private static void add(APIResponses answers, String status, String description, String... slugs) {
        APIResponse present = answers.getAPIResponse(status);
        if (present == null || present.getContent() == null || present.getContent().getMediaTypes() == null
                || present.getContent().getMediaTypes().isEmpty()) {
            answers.addAPIResponse(status, problem(description, List.of(slugs)));
        }
    }

    private static APIResponse problem(String description, List<String> slugs) {
        StringBuilder text = new StringBuilder(description).append(" `type`: ");
        for (int i = 0; i < slugs.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(Problem.TYPE_BASE).append(slugs.get(i));
        }
        var mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"));
        return OASFactory.createAPIResponse()
                .description(text.toString())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType));
    }
}
