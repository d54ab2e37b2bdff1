package vn.chotdon.order.transfer;

/** A VietQR payload, or a field meant for one, that the NAPAS format does not allow. */
public class InvalidVietQr extends IllegalArgumentException {

    InvalidVietQr(String message) {
        super(message);
    }
}
