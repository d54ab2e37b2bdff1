package vn.chotdon.platform.consumer;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of one subscription: DOWN when its thread has ended, its consumer is being restarted,
 * it has been retrying one event or waiting for the database longer than allowed, or it is more
 * records behind its topic than allowed.
 */
final class SubscriptionHealth implements HealthCheck {

    static final String NAME_PREFIX = "kafka-consumer ";

    private final Subscription subscription;
    private final ConsumerSettings.Health limits;

    SubscriptionHealth(Subscription subscription, ConsumerSettings.Health limits) {
        this.subscription = subscription;
        this.limits = limits;
    }

    @Override
    public HealthCheckResponse call() {
        SubscriptionState state = subscription.state();
        String down = whyDown(state);
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME_PREFIX + subscription.group())
                .status(down == null)
                .withData("group", subscription.group())
                .withData("topic", subscription.topic())
                .withData("state", state.status().name())
                .withData("lag", state.lag())
                .withData("applied", state.applied())
                .withData("parked", state.parked())
                .withData("restarts", state.restarts())
                .withData("batchesGivenUp", state.batchesGivenUp());
        if (state.lastError() != null) {
            answer.withData("lastError", state.lastError());
        }
        if (down != null) {
            answer.withData("down", down);
        }
        return answer.build();
    }

    private String whyDown(SubscriptionState state) {
        if (!subscription.isAlive() || state.status() == SubscriptionState.Status.STOPPED) {
            return "its consumer thread has ended";
        }
        if (state.status() == SubscriptionState.Status.RESTARTING) {
            return "its consumer stopped and is being restarted";
        }
        if (state.inTroubleFor().compareTo(limits.stalledAfter()) > 0) {
            return state.status() == SubscriptionState.Status.WAITING_FOR_DATABASE
                    ? "waiting for the database for " + state.inTroubleFor().toSeconds() + " s"
                    : "retrying one event for " + state.inTroubleFor().toSeconds() + " s";
        }
        if (state.lag() > limits.maxLag()) {
            return state.lag() + " records behind its topic, more than " + limits.maxLag();
        }
        return null;
    }
}
