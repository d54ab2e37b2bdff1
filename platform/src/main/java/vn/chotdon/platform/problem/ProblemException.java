package vn.chotdon.platform.problem;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the client can act on (not found, conflict, invalid reference...), answered as
 * problem+json with the given status and a stable type slug. Thrown by services; the REST layer
 * turns it into the response.
 *
 * <p>It records no stack trace: it is an answer, not a fault, and the sold-out refusals of a flash sale
 * (thousands a second, each made on the event loop) spent about 2 % of its CPU filling one in.
 * Its detail and type say what was refused and why.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldViolation> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private String challenge;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(int status, String slug, String title, String detail,
            List<Problem.FieldViolation> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    /** 409: the request is well formed but the current state does not allow it. */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    /** 400: fields the client must correct, listed as the validation of a body lists them. */
    public static ProblemException invalid(List<Problem.FieldViolation> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    /** 400: one field the client must correct. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldViolation(field, message)));
    }

    /** 422: the body names something that does not exist or does not belong together. */
    public static ProblemException invalidReference(String field, String message) {
        return new ProblemException(422, "invalid-reference", "Invalid reference", message,
                List.of(new Problem.FieldViolation(field, message)));
    }

    /** Adds a problem-specific member to the body, e.g. {@code available}. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /**
     * For a 401: the {@code WWW-Authenticate} challenge that tells the client which scheme to send,
     * e.g. {@code Apikey}; RFC 9110 requires one on every 401.
     */
    public ProblemException challenging(String scheme) {
        this.challenge = scheme;
        return this;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(slug, title, status, getMessage(), instance, errors, extensions);
    }

    /** The answer: the problem, with the challenge header when there is one. */
    public Response toResponse(String instance) {
        Response answer = toProblem(instance).toResponse();
        return challenge == null ? answer
                : Response.fromResponse(answer).header("WWW-Authenticate", challenge).build();
    }
}
