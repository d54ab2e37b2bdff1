package vn.chotdon.livestream.service;

/** Fired inside a transaction that changed what a session's live board shows; observed after it commits. */
public record BoardChanged(long sessionId) {
}
