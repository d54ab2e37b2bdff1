package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductStatusTest {

    @ParameterizedTest
    @CsvSource({
            "DRAFT, ACTIVE, true", "DRAFT, RETIRED, true", "ACTIVE, RETIRED, true",
            "ACTIVE, DRAFT, false", "RETIRED, ACTIVE, false", "RETIRED, DRAFT, false",
            "DRAFT, DRAFT, false", "ACTIVE, ACTIVE, false", "RETIRED, RETIRED, false"
    })
    void allowsOnlyForwardChanges(ProductStatus from, ProductStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }
}
