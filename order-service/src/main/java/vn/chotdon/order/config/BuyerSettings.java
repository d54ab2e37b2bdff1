package vn.chotdon.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The settings of buyers' records and of the sessions' buyer policies, {@code chotdon.buyers.*}. */
@ConfigMapping(prefix = "chotdon.buyers")
public interface BuyerSettings {

    /**
     * A buyer is unreliable in a cooperative once this many of their orders there came back
     * (returned: refused at the door, "bom hàng") or expired unpaid, added together.
     */
    @WithDefault("2")
    @Min(1)
    int unreliableAfter();

    /**
     * How old this instance's copy of a session's buyer policy may be when an order is placed (read
     * again after that; at once on the instance that changes it, within this time on the others).
     */
    @WithDefault("5s")
    Duration policyMaxAge();
}
