package vn.chotdon.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running service's own OpenAPI document (GET /q/openapi), used as the contract its answers must
 * keep: the status is one the operation documents, and the body and headers match what it documents
 * for that status. Requests are not judged: tests send wrong requests on purpose.
 */
public final class ApiContract {

    private static final Map<String, ApiContract> BY_ORIGIN = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final OpenApiInteractionValidator validator;

    private ApiContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        // An answer to a path or method no operation has (404, 405) has no operation to keep.
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The contract of the service at {@code origin} (scheme, host and port), read once per test JVM. */
    public static ApiContract of(String origin) {
        return BY_ORIGIN.computeIfAbsent(origin, o -> new ApiContract(document(o)));
    }

    /** The document as the service serves it, for tests that read it themselves. */
    public static String document(String origin) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(origin + "/q/openapi answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + origin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the OpenAPI document of " + origin, e);
        }
    }

    /**
     * What in this answer breaks the document; empty when it keeps it. Paths the document does not
     * describe at all (Quarkus's own /q/..., a static page) are not judged.
     */
    public List<String> violations(String method, String path, int status, Map<String, List<String>> headers,
            String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> response.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        if (!report.hasErrors()) {
            return List.of();
        }
        // A binary answer (an image) is not handed over as text: its bytes are the test's to check.
        boolean binary = body == null && headers.getOrDefault("content-type", List.of()).stream()
                .anyMatch(type -> type.startsWith("image/") || type.startsWith("application/octet-stream"));
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(binary && m.getKey().equals("validation.response.body.missing")))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /**
     * Fails the calling test when the answer breaks the document, saying how. With
     * {@code -Dchotdon.contract=report} it only appends what it found to
     * target/contract-violations.txt and lets the test go on, to list every break of a suite in one run.
     */
    public void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        List<String> broken = violations(method, path, status, headers, body);
        if (broken.isEmpty()) {
            return;
        }
        if ("report".equals(System.getProperty("chotdon.contract"))) {
            report(method + " " + path + " (" + status + ")\n  - " + String.join("\n  - ", broken) + "\n");
        } else {
            throw new AssertionError("The answer to " + method.toUpperCase(Locale.ROOT) + " " + path + " (" + status
                    + ") breaks the service's OpenAPI document:\n  - " + String.join("\n  - ", broken)
                    + "\nBody: " + abbreviate(body));
        }
    }

    private static synchronized void report(String text) {
        try {
            Path file = Path.of("target", "contract-violations.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }
}
