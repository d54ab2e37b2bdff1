package vn.chotdon.livestream.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The catalog calls with their fault tolerance: a time limit per attempt, retries (every call
 * here is idempotent; 4xx answers are never retried) and a circuit breaker per call, so that a
 * catalog outage is answered at once instead of waiting for every timeout. The policy is declared
 * on the class, so that {@code quarkus.fault-tolerance."vn.chotdon.livestream.client.CatalogCalls".*}
 * in application.properties tunes it.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200, abortOn = ServiceRefusal.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, skipOn = ServiceRefusal.class)
public class CatalogCalls {

    private final CatalogApi api;

    CatalogCalls(@RestClient CatalogApi api) {
        this.api = api;
    }

    @CircuitBreakerName("catalog-product")
    public CatalogProduct product(long productId) {
        return api.product(productId);
    }

    @CircuitBreakerName("catalog-reserve")
    public void reserve(long productId, long sessionId, long quantity) {
        api.reserve(productId, sessionId, new CatalogApi.ReservationRequest(quantity));
    }

    @CircuitBreakerName("catalog-close")
    public void close(long productId, long sessionId) {
        api.close(productId, sessionId);
    }

    @CircuitBreakerName("catalog-release")
    public void release(long productId, long sessionId) {
        api.release(productId, sessionId);
    }
}
