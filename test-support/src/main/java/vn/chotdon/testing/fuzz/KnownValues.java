package vn.chotdon.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Values that exist in the service under test (ids, codes, tokens), found by where they go. A key
 * is, from the most specific: an operation and a name ({@code retireProduct.id}, or with the
 * method and path, {@code POST /products/{id}/retire.id}), for values only that operation may
 * use up; a path template up to the parameter ({@code /products/{id}} serves every path under
 * it); or a bare name ({@code productId}, a path parameter, query parameter, header or body field
 * of that name).
 * Values that only make sense together (an order's code and its access token) are a bundle: a
 * request takes all of a bundle's values or none.
 */
final class KnownValues {

    private final Map<String, List<String>> pools = new LinkedHashMap<>();
    private final List<Map<String, String>> bundles = new ArrayList<>();

    synchronized void add(String key, List<String> values) {
        List<String> pool = pools.computeIfAbsent(key, k -> new ArrayList<>());
        values.stream().filter(v -> !pool.contains(v)).forEach(pool::add);
    }

    synchronized void bundle(Map<String, String> values) {
        bundles.add(Map.copyOf(values));
    }

    /** The keys a path parameter is looked up by, most specific first. */
    static List<String> forPath(ApiOperation op, String name) {
        String template = op.pathTemplate();
        int at = template.indexOf("{" + name + "}");
        String scoped = at < 0 ? null : template.substring(0, at + name.length() + 2);
        List<String> keys = new ArrayList<>(ofOperation(op, name));
        if (scoped != null) {
            keys.add(scoped);
        }
        keys.add(name);
        return keys;
    }

    /** The keys a query parameter, header or body field is looked up by, most specific first. */
    static List<String> forName(ApiOperation op, String name) {
        List<String> keys = new ArrayList<>(ofOperation(op, name));
        keys.add(name);
        return keys;
    }

    private static List<String> ofOperation(ApiOperation op, String name) {
        return op.operationId() == null ? List.of(op.name() + "." + name)
                : List.of(op.operationId() + "." + name, op.name() + "." + name);
    }

    /**
     * The bundle a request to this operation takes, drawn among those that hold a key it looks
     * up; empty when none does.
     */
    synchronized Map<String, String> bundleFor(ApiOperation op, RandomGenerator random) {
        List<Map<String, String>> fitting = bundles.stream().filter(b -> b.keySet().stream()
                .anyMatch(key -> lookedUpBy(op, key))).toList();
        // Bundles kept for this operation alone (things it uses up) come first.
        List<Map<String, String>> own = fitting.stream().filter(b -> b.keySet().stream()
                .anyMatch(key -> ofOperation(op, "").stream().anyMatch(key::startsWith))).toList();
        List<Map<String, String>> choice = own.isEmpty() ? fitting : own;
        return choice.isEmpty() ? Map.of() : choice.get(random.nextInt(choice.size()));
    }

    private static boolean lookedUpBy(ApiOperation op, String key) {
        for (ApiOperation.Parameter p : op.parameters()) {
            List<String> keys = p.in().equals("path") ? forPath(op, p.name()) : forName(op, p.name());
            if (keys.contains(key)) {
                return true;
            }
        }
        return ofOperation(op, "").stream().anyMatch(key::startsWith);
    }

    /** The values of the first key that has some, or an empty list. */
    synchronized List<String> values(List<String> keys) {
        for (String key : keys) {
            List<String> pool = pools.get(key);
            if (pool != null && !pool.isEmpty()) {
                return List.copyOf(pool);
            }
        }
        return List.of();
    }

    /** A value of the most specific key that has one: the bundle's, else one drawn from the key's values. */
    synchronized String draw(List<String> keys, Map<String, String> bundle, RandomGenerator random) {
        for (String key : keys) {
            if (bundle.containsKey(key)) {
                return bundle.get(key);
            }
            List<String> pool = pools.get(key);
            if (pool != null && !pool.isEmpty()) {
                return pool.get(random.nextInt(pool.size()));
            }
        }
        return null;
    }

    boolean knows(List<String> keys) {
        return !values(keys).isEmpty();
    }
}
