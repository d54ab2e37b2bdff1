package vn.chotdon.order;

import io.quarkus.test.common.QuarkusTestResource;
import vn.chotdon.testing.LocalInfrastructure;

/** Brings up the real MySQL databases and Kafka broker once, for every test class of this module. */
@QuarkusTestResource(LocalInfrastructure.class)
public class OrderInfrastructure {
}
