package vn.chotdon.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.chotdon.platform.database.DatabaseOutage;
import vn.chotdon.platform.problem.Problem.FieldViolation;
import vn.chotdon.platform.rest.InvalidParameterException;
import vn.chotdon.platform.rest.ResourceRoutes;

/** Turns every error a request can meet into application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ResourceRoutes routes;

    ProblemMappers(ResourceRoutes routes) {
        this.routes = routes;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return e.toResponse(path(uri));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        Collection<ConstraintViolation<?>> violations = e.getConstraintViolations();
        if (violations.stream().anyMatch(ProblemMappers::onReturnValue)) {
            return unexpected(e, uri);
        }
        List<FieldViolation> errors = violations.stream()
                .map(v -> new FieldViolation(FieldPaths.of(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
        return ProblemException.invalid(errors).toResponse(path(uri));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    /** Declared on its own so that it wins over Quarkus' built-in mapper of the same exception. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    /** {@code ?size=abc}, {@code /products/abc}: the parameter and what it must be, not JAX-RS's 404. */
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        List<FieldViolation> errors = List.of(new FieldViolation(e.parameter(), e.expectation()));
        return new Problem("validation", "Invalid request", 400, e.getMessage(), path(uri), errors, null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String path = path(uri);
        Set<String> allowed = routes.allowed(path);
        if (status == 404 && !allowed.isEmpty() && !allowed.contains(request.method().name())) {
            // RESTEasy Reactive answers 404 when no resource class matching the path has the method at all.
            status = 405;
        }
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "Request refused" : reason.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + path;
            case 405 -> request.method().name() + " is not allowed on " + path + "; allowed: "
                    + String.join(", ", allowed);
            case 406 -> "This operation produces " + listed(routes.mediaTypes(path, request.method().name(), true))
                    + "; the Accept header asks for " + quoted(request.getHeader(HttpHeaders.ACCEPT));
            case 415 -> "This operation consumes " + listed(routes.mediaTypes(path, request.method().name(), false))
                    + "; the request's Content-Type is " + quoted(request.getHeader(HttpHeaders.CONTENT_TYPE));
            default -> e.getMessage();
        };
        String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        Response answer = new Problem(slug, title, status, detail, path, null, null).toResponse();
        if (status == 405) {
            return Response.fromResponse(answer).allow(allowed).build();
        }
        return answer;
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return new Problem("concurrent-modification", "Changed by someone else", 409,
                "The resource was changed by another request at the same time; read it again and retry",
                path(uri), null, null).toResponse();
    }

    /** A database error caused by a request's data is a 400 (see {@link InputDataErrors}); anything else is unexpected. */
    @ServerExceptionMapper({ PersistenceException.class, SQLException.class, ArcUndeclaredThrowableException.class })
    public Response databaseRefused(Exception e, UriInfo uri) {
        return InputDataErrors.problem(e, path(uri)).map(Problem::toResponse).orElseGet(() -> unexpected(e, uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.isCauseOf(e)) {
            return DatabaseOutage.answer(path(uri));
        }
        if (isConcurrentChange(e)) {
            return concurrentChange(null, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, path(uri));
        return new Problem("internal", "Internal error", 500,
                "Something went wrong on our side; the incident id is " + incident, path(uri), null, null)
                .toResponse();
    }

    /**
     * A version check that fails at commit reaches us wrapped in the transaction's own exceptions
     * (two requests replacing the same cooperative at once): it is still the other request's change.
     */
    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new Problem("malformed-json", "Malformed JSON", 400,
                    "The body is not valid JSON: " + e.getOriginalMessage(), path(uri), null, null).toResponse();
        }
        String field = FieldPaths.of(mapping.getPath());
        String message = JsonTypeMessages.explain(mapping);
        return ProblemException.invalid(field.isEmpty() ? "$" : field, message).toResponse(path(uri));
    }

    private static String listed(Collection<String> mediaTypes) {
        return mediaTypes.isEmpty() ? "other media types" : String.join(", ", mediaTypes);
    }

    private static String quoted(String header) {
        return header == null || header.isBlank() ? "nothing" : "'" + header + "'";
    }

    private static boolean onReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** Why Jackson could not bind a value, in words a front-end developer can act on. */
    static final class JsonTypeMessages {
        private JsonTypeMessages() {
        }

        static String explain(JsonMappingException e) {
            if (e instanceof ValueInstantiationException && e.getCause() != null) {
                return e.getCause().getMessage();
            }
            if (e.getCause() instanceof InputCoercionException tooLarge && tooLarge.getTargetType() != null) {
                return outOfRange(tooLarge.getTargetType());
            }
            if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                return "unknown value '" + invalid.getValue() + "'; expected one of "
                        + List.of(invalid.getTargetType().getEnumConstants());
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return "must be " + describe(mismatch.getTargetType());
            }
            return e.getOriginalMessage();
        }

        static String outOfRange(Class<?> type) {
            if (type == int.class || type == Integer.class) {
                return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
            }
            if (type == long.class || type == Long.class) {
                return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
            }
            return "must be " + describe(type) + " within range";
        }

        static String describe(Class<?> type) {
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                    || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                    || type == BigInteger.class) {
                return "a whole number";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true or false";
            }
            if (type == String.class || type == char.class || type == Character.class) {
                return "a string";
            }
            if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
                return "a date-time such as 2026-12-01T19:00:00+07:00";
            }
            if (type == LocalDateTime.class) {
                return "a date-time without offset such as 2026-12-01T19:00:00";
            }
            if (type == LocalDate.class) {
                return "a date such as 2026-12-01";
            }
            if (type == LocalTime.class || type == OffsetTime.class) {
                return "a time such as 19:00:00";
            }
            if (type == Duration.class) {
                return "a duration such as PT15M";
            }
            if (type == UUID.class) {
                return "a UUID such as 0b6f2f64-3a4e-4f1c-9d55-0e9f0f7c2a11";
            }
            if (type == URI.class || type == URL.class) {
                return "a URL such as https://cdn.example.vn/banh-gio-1.jpg";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "an array";
            }
            if (type.isEnum()) {
                return "one of " + List.of(type.getEnumConstants());
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "a number";
            }
            if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
                return "a JSON value";
            }
            return "an object";
        }
    }
}
