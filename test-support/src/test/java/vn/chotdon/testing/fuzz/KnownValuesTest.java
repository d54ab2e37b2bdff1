package vn.chotdon.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known values go where their key says, the most specific key first, and a bundle's values stay together. */
class KnownValuesTest {

    private static final ApiOperation RETIRE = new ApiOperation("retireProduct", "POST", "/products/{id}/retire",
            List.of(new ApiOperation.Parameter("id", "path", null, true)), null, null, false, true, List.of("owner"));
    private static final ApiOperation READ = new ApiOperation(null, "GET", "/products/{id}",
            List.of(new ApiOperation.Parameter("id", "path", null, true)), null, null, false, false, List.of());
    private static final ApiOperation MY_ORDER = new ApiOperation("getMyOrder", "GET", "/buyer/orders/{code}",
            List.of(new ApiOperation.Parameter("code", "path", null, true),
                    new ApiOperation.Parameter("X-Order-Token", "header", null, false)),
            null, null, false, false, List.of());

    @Test
    void anOperationsOwnValuesComeBeforeThePathsAndThePathsBeforeTheNames() {
        KnownValues known = new KnownValues();
        known.add("id", List.of("1"));
        known.add("/products/{id}", List.of("42"));
        known.add("retireProduct.id", List.of("7"));

        assertThat(known.values(KnownValues.forPath(RETIRE, "id"))).containsExactly("7");
        assertThat(known.values(KnownValues.forPath(READ, "id"))).containsExactly("42");
        assertThat(KnownValues.forPath(READ, "id")).containsExactly("GET /products/{id}.id", "/products/{id}", "id");
    }

    @Test
    void anOperationsOwnValuesWinOverABundleOfWiderKeys() {
        KnownValues known = new KnownValues();
        known.bundle(Map.of("/products/{id}", "42"));
        known.add("retireProduct.id", List.of("7"));
        SplittableRandom random = new SplittableRandom(1);

        assertThat(known.draw(KnownValues.forPath(RETIRE, "id"), known.bundleFor(RETIRE, random), random)).isEqualTo("7");
        assertThat(known.draw(KnownValues.forPath(READ, "id"), known.bundleFor(READ, random), random)).isEqualTo("42");
    }

    @Test
    void aBundleIsTakenWhole() {
        KnownValues known = new KnownValues();
        for (int i = 0; i < 5; i++) {
            known.bundle(Map.of("/buyer/orders/{code}", "CODE" + i, "X-Order-Token", "token" + i));
            known.add("/buyer/orders/{code}", List.of("CODE" + i));
            known.add("X-Order-Token", List.of("token" + i));
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            Map<String, String> bundle = known.bundleFor(MY_ORDER, random);
            String code = known.draw(KnownValues.forPath(MY_ORDER, "code"), bundle, random);
            String token = known.draw(KnownValues.forName(MY_ORDER, "X-Order-Token"), bundle, random);
            assertThat(token).isEqualTo("token" + code.substring(4));
        }
    }
}
