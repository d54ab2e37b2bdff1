package vn.chotdon.livestream;

import io.quarkus.test.common.QuarkusTestResource;
import vn.chotdon.testing.LocalInfrastructure;

/**
 * Brings up the real MySQL databases and Kafka broker, and the catalog-service and order-service
 * stubs, once for every test class of this module.
 */
@QuarkusTestResource(LocalInfrastructure.class)
@QuarkusTestResource(CatalogStub.class)
@QuarkusTestResource(OrderServiceStub.class)
public class LivestreamInfrastructure {
}
