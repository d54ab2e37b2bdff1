package vn.chotdon.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * How many order attempts one client address and one phone may make, per instance of
 * order-service. Each instance keeps its own budget in memory: with N instances behind a load
 * balancer a client can make up to N times these numbers, so a deployment divides its intended
 * totals by its replica count.
 */
@ConfigMapping(prefix = "chotdon.order-attempts")
public interface OrderAttemptLimitsConfig {

    /**
     * Attempts per minute from one client address. Generous on purpose: many buyers on a mobile
     * network share one public address (carrier-grade NAT).
     */
    @WithDefault("600")
    @Min(1)
    long perAddressPerMinute();

    /** Attempts per minute for one buyer phone (normalised, so every way of writing it counts together). */
    @WithDefault("12")
    @Min(1)
    long perPhonePerMinute();

    /** Addresses and phones remembered at most; the least recently seen are forgotten first. */
    @WithDefault("200000")
    @Min(1000)
    long tracked();
}
