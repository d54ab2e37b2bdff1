package vn.chotdon.order.transfer;

/**
 * What a buyer's transfer says it is for, put in the VietQR code so that the banking app fills it
 * in: {@code CHOTDON 3AGGHV97}. The word makes the order code stand out in a memo that banks
 * prefix and suffix with their own references; the matcher of incoming transfers finds the code
 * with or without it.
 */
public final class TransferPurpose {

    public static final String PREFIX = "CHOTDON";

    private TransferPurpose() {
    }

    public static String of(String orderCode) {
        return PREFIX + " " + orderCode;
    }
}
