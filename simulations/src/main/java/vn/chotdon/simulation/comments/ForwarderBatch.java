package vn.chotdon.simulation.comments;

import java.util.List;

/**
 * A batch of comments as a forwarder posts it to order-service.
 *
 * @param resent true for a whole batch posted again (the forwarder did not get the first answer in time)
 */
public record ForwarderBatch(int number, List<StreamComment> comments, boolean resent) {
}
