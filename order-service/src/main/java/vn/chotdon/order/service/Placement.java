package vn.chotdon.order.service;

import vn.chotdon.order.view.OrderReceipt;

/**
 * What placing an order gave: an order, as its receipt's JSON, the exact bytes stored with the
 * Idempotency-Key and sent to every retry with it. A refusal is thrown as a ProblemException.
 */
public sealed interface Placement {

    /** Names the buyer's URL of the order. */
    String orderCode();

    /** The receipt as first written; a replay sends these same bytes. */
    String receiptJson();

    /** Placed by this request. */
    record Placed(OrderReceipt receipt, String receiptJson) implements Placement {
        @Override
        public String orderCode() {
            return receipt.order().code();
        }
    }

    /** Placed earlier by a request with the same Idempotency-Key and body: its receipt, replayed. */
    record Replayed(String orderCode, String receiptJson) implements Placement {
    }
}
