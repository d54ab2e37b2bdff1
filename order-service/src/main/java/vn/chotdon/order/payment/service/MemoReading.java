package vn.chotdon.order.payment.service;

import java.util.List;

/**
 * What a transfer memo says about the order it pays, once its candidate codes were checked against
 * the cooperative's real orders.
 */
public sealed interface MemoReading {

    /** Exactly one real order code. */
    record Found(String code) implements MemoReading {
    }

    /** Nothing in the memo looks like an order code. */
    record NoCode() implements MemoReading {
    }

    /** Things that look like order codes, none of them a real order of the cooperative. */
    record Unknown(List<String> candidates) implements MemoReading {
    }

    /** Several real order codes: which one the money is for is staff's call. */
    record Ambiguous(List<String> codes) implements MemoReading {
    }
}
