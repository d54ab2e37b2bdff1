package vn.chotdon.livestream.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The order-service calls with their fault tolerance, as {@link CatalogCalls}: a time limit per
 * attempt, retries (a withdrawal is idempotent; 4xx answers are never retried) and a circuit
 * breaker, tuned by {@code quarkus.fault-tolerance."vn.chotdon.livestream.client.OrderCalls".*}.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200, abortOn = ServiceRefusal.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, skipOn = ServiceRefusal.class)
public class OrderCalls {

    private final OrdersApi api;

    OrderCalls(@RestClient OrdersApi api) {
        this.api = api;
    }

    @CircuitBreakerName("orders-withdraw")
    public void withdraw(long sessionId, long itemId, long version) {
        api.withdraw(sessionId, itemId, new OrdersApi.WithdrawalRequest(version));
    }
}
