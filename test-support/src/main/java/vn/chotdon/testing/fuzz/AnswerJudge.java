package vn.chotdon.testing.fuzz;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.chotdon.testing.contract.ApiContract;

/**
 * The properties every answer must keep: no 5xx; the status is one the operation documents and
 * the body and headers match what it documents for it ({@link ApiContract}); a 4xx is
 * problem+json; a valid request is not refused as invalid, unauthorised or unsupported; an
 * invalid request is refused with a 4xx. An empty 400/414/431 from the HTTP codec (a request
 * line or headers Vert.x cannot parse, before any application code runs) is not judged here:
 * the report counts it apart.
 */
final class AnswerJudge {

    /** Answers a valid request must never get: the document allows the request, the role and the media types. */
    private static final Set<Integer> REFUSING_VALID = Set.of(400, 401, 403, 405, 406, 415);
    private static final Pattern SCHEMA_PATH = Pattern.compile("\\[Path '([^']*)'\\]");
    private static final Pattern PROBLEM_FIELD = Pattern.compile("\"field\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

    /**
     * A broken property: what kind (the same kind groups failures and guides shrinking), the
     * details, and where in the body it sits (schema paths, array positions as *), if anywhere.
     */
    record Failure(String kind, String details, Set<String> places) {
        Failure(String kind, String details) {
            this(kind, details, Set.of());
        }
    }

    private final ApiContract contract;

    AnswerJudge(ApiContract contract) {
        this.contract = contract;
    }

    /** The property the answer breaks, or null when it keeps them all. */
    Failure judge(FuzzRequest request, RawHttp.Answer answer) {
        int status = answer.status();
        String contentType = answer.contentType() == null ? "" : answer.contentType();
        if (status >= 500) {
            return new Failure(status + " server error", status + " " + contentType + "\n" + abbreviate(answer.body()));
        }
        if (answer.isCodecRefusal()) {
            return null;
        }
        List<String> broken = violations(request, answer);
        if (!broken.isEmpty()) {
            Set<String> kinds = new TreeSet<>();
            Set<String> places = new TreeSet<>();
            for (String violation : broken) {
                kinds.add(violation.substring(0, Math.max(0, violation.indexOf(':'))));
                Matcher at = SCHEMA_PATH.matcher(violation);
                if (at.find()) {
                    // Array positions do not make another kind of failure: /items/3/phone is /items/*/phone.
                    places.add(at.group(1).replaceAll("/\\d+(?=/|$)", "/*"));
                }
            }
            return new Failure("answer " + status + " outside the document: " + String.join(", ", kinds),
                    status + " " + contentType + "\n  - " + String.join("\n  - ", broken) + "\n" + abbreviate(answer.body()),
                    places);
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            return new Failure(status + " not application/problem+json", status + " answered as '" + contentType + "'\n"
                    + abbreviate(answer.body()));
        }
        if (request.kind() == FuzzRequest.Kind.VALID && REFUSING_VALID.contains(status)) {
            return new Failure("valid request refused " + status + " " + problemType(answer.body())
                    + invalidFields(answer.body()), status + "\n" + abbreviate(answer.body()));
        }
        if (request.kind() == FuzzRequest.Kind.INVALID && status < 400) {
            String category = request.breaks().substring(0, request.breaks().indexOf(" at "));
            return new Failure("invalid request accepted (" + category + ") " + status,
                    "breaks " + request.breaks() + "; answered " + status + "\n" + abbreviate(answer.body()));
        }
        return null;
    }

    private List<String> violations(FuzzRequest request, RawHttp.Answer answer) {
        if (addressesAnotherPath(request.rawPath())) {
            return List.of();
        }
        try {
            return contract.violations(request.method(), request.rawPath(), answer.status(), answer.headers(),
                    answer.body());
        } catch (RuntimeException unreadablePath) {
            // A path the validator cannot even match against the templates (a broken escape) has no operation to keep.
            return List.of();
        }
    }

    /** The fields a validation problem names, positions as *: what a shrunk request must still be refused for. */
    private static String invalidFields(String body) {
        Set<String> fields = new TreeSet<>();
        Matcher field = PROBLEM_FIELD.matcher(body);
        while (field.find()) {
            fields.add(field.group(1).replaceAll("\\[\\d+]", "[*]"));
        }
        return fields.isEmpty() ? "" : " " + fields;
    }

    /**
     * Whether the server resolves the path to another one than the template it seems to match: an
     * empty segment (a path parameter left empty: /orders//confirm), a segment that is "." or "..",
     * that holds an encoded slash, or that is only matrix parameters (";a=b", which the server
     * strips), once decoded. Such a request addresses no operation of
     * the document, like an unknown route.
     */
    static boolean addressesAnotherPath(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException brokenEscape) {
                continue;
            }
            boolean onlyMatrixParameters = segment.startsWith(";");
            if (segment.isEmpty() || decoded.equals(".") || decoded.equals("..") || decoded.contains("/")
                    || onlyMatrixParameters) {
                return true;
            }
        }
        return false;
    }

    private static String problemType(String body) {
        Matcher type = PROBLEM_TYPE.matcher(body);
        return type.find() ? type.group(1).replace("https://chotdon.vn/problems/", "") : "";
    }

    static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
