package vn.chotdon.simulation.bench;

/** One buyer's tap of a scenario: when it is due (from the scenario's start), what it orders. */
record Tap(long offsetNanos, String body, int item, int units) {
}
