package vn.chotdon.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * The cap on units one buyer phone may hold unpaid in one session: units of its PLACED orders,
 * neither confirmed, paid, cancelled nor expired. It keeps one phone from locking up a flash
 * sale's quota with orders it never means to pay; orders confirmed or paid no longer count.
 */
@ConfigMapping(prefix = "chotdon.orders.held-units")
public interface HeldUnitsCapConfig {

    /** Units one normalised phone may hold in PLACED orders of one session. */
    @WithDefault("20")
    @Min(1)
    int maxPerPhone();
}
