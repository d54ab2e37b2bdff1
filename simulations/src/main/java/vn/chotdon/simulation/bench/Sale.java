package vn.chotdon.simulation.bench;

import java.util.List;

/** A LIVE session set up through the APIs, with what the benchmark needs to check it afterwards. */
record Sale(long cooperativeId, String ownerToken, long sessionId, List<Item> items) {

    record Item(String code, long productId, long itemId, long quota, long priceVnd) {
    }
}
