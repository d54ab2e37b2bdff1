package vn.chotdon.livestream.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import vn.chotdon.platform.problem.ProblemException;

/**
 * catalog-service as the lineup sees it: product checks and stock reservations, with catalog's
 * refusals turned into this service's problems and any outage (unreachable, timeout, 5xx, open
 * circuit) into a 503 {@code catalog-unavailable}.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class);

    private final CatalogCalls calls;

    Catalog(CatalogCalls calls) {
        this.calls = calls;
    }

    /**
     * @return the product, ACTIVE and of the cooperative
     * @throws ProblemException 422 if unknown or another cooperative's, 409 if not ACTIVE, 503 if catalog is down
     */
    public CatalogProduct productForSale(long productId, long cooperativeId) {
        CatalogProduct product;
        try {
            product = call(() -> calls.product(productId));
        } catch (ServiceRefusal e) {
            if (e.status() == 404) {
                throw ProblemException.invalidReference("productId", "product " + productId + " does not exist");
            }
            throw unexpected(e);
        }
        if (product.cooperativeId() != cooperativeId) {
            throw ProblemException.invalidReference("productId",
                    "product " + productId + " belongs to cooperative " + product.cooperativeId()
                            + ", not to the session's cooperative " + cooperativeId);
        }
        if (!product.active()) {
            throw ProblemException.conflict("product-not-active", "Product is not for sale",
                    "Product " + productId + " is " + product.status() + "; only ACTIVE products can join a lineup")
                    .with("productId", productId)
                    .with("currentStatus", product.status());
        }
        return product;
    }

    /**
     * Sets the units of the product reserved for the session, in total.
     *
     * @throws ProblemException 409 insufficient-stock (with {@code available}) or product-not-active, 503 if catalog is down
     */
    public void reserve(long productId, long sessionId, long quantity) {
        try {
            call(() -> {
                calls.reserve(productId, sessionId, quantity);
                return null;
            });
        } catch (ServiceRefusal e) {
            if (e.status() == 409 && e.is("insufficient-stock")) {
                long available = e.problem().path("available").asLong();
                throw ProblemException.conflict("insufficient-stock", "Not enough stock",
                        "catalog-service has only " + available + " more unit(s) of product " + productId
                                + " to reserve; the quota asks for " + e.problem().path("requested").asLong() + " more")
                        .with("productId", productId)
                        .with("available", available)
                        .with("requested", e.problem().path("requested").asLong());
            }
            if (e.status() == 409 && e.is("product-not-active")) {
                throw ProblemException.conflict("product-not-active", "Product is not for sale",
                        "Product " + productId + " is no longer ACTIVE in catalog-service; its quota cannot grow")
                        .with("productId", productId);
            }
            if (e.status() == 404) {
                throw ProblemException.invalidReference("productId", "product " + productId + " does not exist");
            }
            throw unexpected(e);
        }
    }

    /**
     * Closes the reservation of a session that ended: catalog keeps what the session's orders
     * sold or still hold and takes the rest back. Idempotent; nothing reserved is nothing to close.
     */
    public void close(long productId, long sessionId) {
        try {
            call(() -> {
                calls.close(productId, sessionId);
                return null;
            });
        } catch (ServiceRefusal e) {
            if (e.status() != 404) {
                throw unexpected(e);
            }
        }
    }

    /** Gives every unit the session reserved of the product back to catalog's stock. Idempotent. */
    public void release(long productId, long sessionId) {
        try {
            call(() -> {
                calls.release(productId, sessionId);
                return null;
            });
        } catch (ServiceRefusal e) {
            if (e.status() != 404) {
                throw unexpected(e);
            }
        }
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ServiceRefusal e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("catalog-service is unavailable: %s", e.toString());
            throw unavailable();
        }
    }

    public static ProblemException unavailable() {
        return new ProblemException(503, "catalog-unavailable", "catalog-service unavailable",
                "catalog-service cannot be reached right now; nothing was changed, try again in a moment");
    }

    private static ProblemException unexpected(ServiceRefusal e) {
        LOG.errorf("catalog-service refused a call it should accept: %s", e.getMessage());
        return new ProblemException(502, "catalog-refused", "catalog-service refused the call",
                "catalog-service answered " + e.status() + ": " + e.problem().path("detail").asText());
    }
}
