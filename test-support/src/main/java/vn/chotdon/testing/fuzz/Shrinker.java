package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Makes a failing request smaller while it still fails the same way: drops, one at a time, the
 * optional query parameters, the optional headers, the optional body fields (at any depth) and
 * the array items past the least allowed. Never drops what an invalid request breaks, the token,
 * or the body's Content-Type.
 */
final class Shrinker {

    private final int budget;

    Shrinker(int budget) {
        this.budget = budget;
    }

    /** The smallest request found that {@code stillFails}, and how many were tried. */
    Shrunk shrink(FuzzRequest failing, Predicate<FuzzRequest> stillFails) {
        FuzzRequest smallest = failing;
        int tries = 0;
        boolean progress = true;
        while (progress && tries < budget) {
            progress = false;
            for (FuzzRequest candidate : smaller(smallest)) {
                if (tries >= budget) {
                    break;
                }
                tries++;
                if (stillFails.test(candidate)) {
                    smallest = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return new Shrunk(smallest, tries);
    }

    record Shrunk(FuzzRequest request, int tries) {
    }

    private static List<FuzzRequest> smaller(FuzzRequest request) {
        List<FuzzRequest> candidates = new ArrayList<>();
        ApiOperation op = request.operation();
        for (int i = 0; i < request.query().size(); i++) {
            String name = request.query().get(i).split("=", 2)[0];
            boolean required = op.in("query").stream().anyMatch(p -> p.required() && p.name().equals(name));
            if (!required && !("query:" + name).equals(request.kept())) {
                List<String> query = new ArrayList<>(request.query());
                query.remove(i);
                candidates.add(request.with(query, request.headers(), request.json()));
            }
        }
        for (String name : request.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean required = op.in("header").stream().anyMatch(p -> p.required() && p.name().equalsIgnoreCase(name));
            boolean needed = lower.equals("authorization") || (lower.equals("content-type") && request.body() != null);
            if (!required && !needed && !("header:" + name).equals(request.kept())) {
                Map<String, String> headers = new LinkedHashMap<>(request.headers());
                headers.remove(name);
                candidates.add(request.with(request.query(), headers, request.json()));
            }
        }
        if (request.json() != null && request.raw() == null) {
            List<String> droppable = new ArrayList<>();
            droppable(request.json(), op.bodySchema(), "", droppable);
            for (String pointer : droppable) {
                if (request.kept() != null && request.kept().startsWith("body:" + pointer)) {
                    continue;
                }
                JsonNode body = request.json().deepCopy();
                remove(body, pointer);
                candidates.add(request.with(request.query(), request.headers(), body));
            }
        }
        return candidates;
    }

    /** Pointers of the optional fields and the surplus array items, outermost first. */
    private static void droppable(JsonNode node, JsonNode schema, String pointer, List<String> out) {
        JsonNode known = schema == null || schema.isMissingNode() ? MissingNode.getInstance()
                : Schemas.effective(schema, new SplittableRandom(0));
        if (node instanceof ObjectNode object) {
            Set<String> required = Schemas.required(known);
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!required.contains(name) && known.path("properties").has(name)) {
                    out.add(pointer + "/" + name);
                }
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                droppable(object.get(name), known.path("properties").path(name), pointer + "/" + name, out);
            }
        } else if (node instanceof ArrayNode array) {
            int min = Math.max(1, known.path("minItems").asInt(0));
            for (int i = array.size() - 1; i >= min; i--) {
                out.add(pointer + "/" + i);
            }
            for (int i = 0; i < array.size(); i++) {
                droppable(array.get(i), known.path("items"), pointer + "/" + i, out);
            }
        }
    }

    private static void remove(JsonNode body, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }
}
