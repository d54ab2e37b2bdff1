package vn.chotdon.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** The settings of the waitlist of sold-out items, {@code chotdon.waitlist.*}. */
@ConfigMapping(prefix = "chotdon.waitlist")
public interface WaitlistSettings {

    /**
     * How long the order a buyer in line is given holds its units (minutes) before it expires and
     * the units go to the next in line. Shorter than a session's usual hold: the buyer was waiting
     * for this and the next buyer is waiting too.
     */
    @WithDefault("10")
    @Min(1)
    int holdMinutes();
}
