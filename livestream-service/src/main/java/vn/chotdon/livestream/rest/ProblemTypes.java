package vn.chotdon.livestream.rest;

import vn.chotdon.platform.problem.Problem;

/**
 * How the OpenAPI descriptions of error answers name their problem types, so that a client can
 * tell them apart: {@code TYPE + "not-found"}, or {@code TYPE + "a, " + BASE + "b"} for several.
 */
final class ProblemTypes {

    static final String BASE = Problem.TYPE_BASE;
    static final String TYPE = " `type`: " + BASE;
    static final String NOT_FOUND_SESSION = "No such session." + TYPE + "not-found";
    static final String NOT_FOUND_ITEM = "No such session, or no such item in it." + TYPE + "not-found";
    /** Public reads that show more to some callers read a token when one comes. */
    static final String BAD_TOKEN = "No token is needed, but the one sent is not valid (expired, wrongly signed...)."
            + TYPE + "unauthorized";
    static final String TOKEN_WITHOUT_COOPERATIVE = "The owner or staff token sent names no cooperative (its"
            + " cooperative_id claim)." + TYPE + "forbidden";
    static final String DATABASE_UNAVAILABLE = BASE + "database-unavailable (the database cannot be reached for now;"
            + " Retry-After says when to send the same request again)";

    private ProblemTypes() {
    }
}
