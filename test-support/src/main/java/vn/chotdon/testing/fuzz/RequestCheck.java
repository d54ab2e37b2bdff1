package vn.chotdon.testing.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a generated request by the document, with the same validator that judges the answers: a
 * valid request must keep it and an invalid one must break it, or the generator is wrong, not
 * the service. Security is left out: which token a request carries is the campaign's choice.
 */
final class RequestCheck {

    private final OpenApiInteractionValidator validator;

    RequestCheck(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.response", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** What in the request breaks the document; empty when it keeps it. */
    synchronized List<String> problems(FuzzRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.rawPath());
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String item : request.query()) {
            int equals = item.indexOf('=');
            String name = decode(equals < 0 ? item : item.substring(0, equals));
            String value = equals < 0 ? "" : decode(item.substring(equals + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        query.forEach(builder::withQueryParam);
        request.headers().forEach((name, value) -> builder.withHeader(name, value));
        byte[] body = request.body();
        if (body != null) {
            builder.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report;
        try {
            report = validator.validateRequest(builder.build());
        } catch (RuntimeException e) {
            return List.of("the validator failed: " + e);
        }
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
