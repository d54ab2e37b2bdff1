package vn.chotdon.livestream.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.livestream.service.SessionService.SessionQuery;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Reads the session listing's filters from their query text, so that an unknown status or a bad
 * date is a 400 naming the parameter (JAX-RS itself would answer 404 for a query parameter it
 * cannot convert).
 */
final class ListingFilters {

    private ListingFilters() {
    }

    static SessionQuery parse(Long cooperativeId, String status, String from, String to) {
        List<Problem.FieldViolation> errors = new ArrayList<>();
        SessionStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = SessionStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldViolation("status", "unknown value '" + status + "'; expected one of "
                        + Arrays.toString(SessionStatus.values())));
            }
        }
        OffsetDateTime parsedFrom = instant("from", from, errors);
        OffsetDateTime parsedTo = instant("to", to, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SessionQuery(cooperativeId, parsedStatus, parsedFrom, parsedTo);
    }

    private static OffsetDateTime instant(String name, String value, List<Problem.FieldViolation> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldViolation(name, "must be an ISO-8601 date-time with offset, e.g. 2026-12-04T20:00:00+07:00"));
            return null;
        }
    }
}
