package vn.chotdon.livestream.service;

/** Bounds of lineup fields, shared by the request bodies. */
final class LineupLimits {

    static final long MAX_PRICE_VND = 1_000_000_000L;
    static final long MAX_UNITS = 1_000_000_000L;
    static final long MAX_PER_BUYER = 1_000_000L;
    static final long MAX_DISPLAY_ORDER = 100_000L;
    static final String CODE_MESSAGE = "must be 1 to 16 letters, digits, '-' or '_'";

    private LineupLimits() {
    }
}
