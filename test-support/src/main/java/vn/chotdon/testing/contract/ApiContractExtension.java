package vn.chotdon.testing.contract;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Found by JUnit's extension auto-detection (the parent pom turns it on), so that every test class
 * of every service checks the answers it receives against the service's OpenAPI document without
 * asking for it.
 */
public final class ApiContractExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws ReflectiveOperationException {
        // A @QuarkusTest class lives in Quarkus's own class loader, with its own REST Assured: the
        // filter must be installed in the REST Assured that the test class sees.
        ClassLoader testLoader = context.getRequiredTestClass().getClassLoader();
        Class.forName(ApiContractExtension.class.getName(), true, testLoader).getMethod("install").invoke(null);
    }

    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(ApiContractFilter.class::isInstance)) {
            RestAssured.filters(new ApiContractFilter());
        }
    }
}
