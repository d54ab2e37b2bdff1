package vn.chotdon.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.chotdon.platform.problem.Problem.FieldViolation;
import vn.chotdon.platform.problem.ProblemException;

/**
 * The fields a merge patch of a product may name: those of {@link ProductChange}. Merged into the
 * product's current fields, an unknown one would be dropped without a word, so that a misspelt
 * {@code "ocopStar": 5} would answer 200 and change nothing the sender meant.
 */
final class ProductPatchFields {

    private static final List<String> KNOWN = Arrays.stream(ProductChange.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    private static final String EXPECTED = "is not a field of a product; expected one of " + KNOWN;

    private ProductPatchFields() {
    }

    /** @throws ProblemException 400 validation naming every field of the patch that a product does not have */
    static void refuseUnknown(JsonNode patch) {
        List<FieldViolation> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!KNOWN.contains(name)) {
                unknown.add(new FieldViolation(name, EXPECTED));
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
    }
}
