package vn.chotdon.e2e;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The instances of one service, behind the same database and broker, as production runs its
 * replicas; a test reaches each one by its number, or lets {@link #forRequest} spread its requests
 * as a load balancer would.
 */
final class Replicas {

    private final List<ServiceProcess> instances;

    Replicas(List<ServiceProcess> instances) {
        this.instances = List.copyOf(instances);
    }

    /** Instance 1, 2, …. */
    ServiceProcess instance(int number) {
        return instances.get(number - 1);
    }

    List<ServiceProcess> all() {
        return instances;
    }

    /**
     * The instance request number {@code n} goes to: round robin over the running instances, as a
     * load balancer that has noticed a dead one no longer sends it anything.
     */
    ServiceProcess forRequest(int n) {
        List<ServiceProcess> running = instances.stream().filter(ServiceProcess::isRunning).toList();
        if (running.isEmpty()) {
            throw new IllegalStateException("none of " + instances + " is running");
        }
        return running.get(Math.floorMod(n, running.size()));
    }

    /** The other instance than {@code one} (with two instances). */
    ServiceProcess other(ServiceProcess one) {
        return instances.stream().filter(i -> i != one).findFirst().orElseThrow();
    }

    /** Starts every instance at once (they share a migrated database) and waits until all are ready. */
    void start() {
        onEach(instance -> instance.start(Map.of()));
    }

    /** Stops every instance at once, gracefully. */
    void stop() {
        onEach(ServiceProcess::stop);
    }

    private void onEach(Consumer<ServiceProcess> action) {
        LiveSystem.inParallel(instances.stream().<Runnable> map(instance -> () -> action.accept(instance)).toList());
    }
}
