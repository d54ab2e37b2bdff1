package vn.chotdon.livestream.client;

/** order-service answered a 5xx, or something other than what it promises: worth retrying. */
public class OrdersUnavailable extends RuntimeException {

    public OrdersUnavailable(String message) {
        super(message);
    }
}
