package vn.chotdon.platform.security;

/** The roles a bearer token may carry (its {@code groups} claim). */
public final class Roles {

    /** The platform operator: registers cooperatives. */
    public static final String ADMIN = "admin";
    /** A cooperative's manager or shop owner: what staff does, plus the tally, revenue and exports. */
    public static final String OWNER = "owner";
    /** A cooperative's staff: products, stock, sessions, lineup and orders of their cooperative. */
    public static final String STAFF = "staff";
    /** One service calling another (livestream-service reserving stock in catalog-service). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
