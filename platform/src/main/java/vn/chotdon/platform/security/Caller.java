package vn.chotdon.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified bearer token says: roles, and for a cooperative's owner or
 * staff the cooperative whose data they may see. Services put {@link #cooperativeScope()} into
 * their queries, so that another cooperative's data is never loaded, and answers 404 as if it did
 * not exist.
 */
@RequestScoped
public class Caller {

    /** The claim naming the caller's cooperative (a number). */
    public static final String COOPERATIVE_CLAIM = "cooperative_id";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean is(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    /** Owner or staff: someone working for one cooperative. */
    public boolean worksForCooperative() {
        return is(Roles.OWNER) || is(Roles.STAFF);
    }

    /**
     * The only cooperative whose data this caller may see, or null when the caller is not bound to
     * one (the platform admin, another service). An owner or staff token without the claim is
     * refused: it could otherwise see every cooperative.
     */
    public Long cooperativeScope() {
        if (!worksForCooperative()) {
            return null;
        }
        return cooperativeClaim().orElseThrow(() -> new ForbiddenException(
                "an owner or staff token must name its cooperative in the " + COOPERATIVE_CLAIM + " claim"));
    }

    /** True when the caller may see data of this cooperative. */
    public boolean mayActFor(long cooperativeId) {
        if (identity.isAnonymous()) {
            return false;
        }
        Long scope = cooperativeScope();
        return scope == null || scope == cooperativeId;
    }

    /** The subject, for audit trails; never a phone or a name. */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private Optional<Long> cooperativeClaim() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || !jwt.containsClaim(COOPERATIVE_CLAIM)) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(COOPERATIVE_CLAIM);
        if (value instanceof jakarta.json.JsonNumber number) {
            return number.isIntegral() && number.longValue() > 0 ? Optional.of(number.longValue()) : Optional.empty();
        }
        if (value instanceof Long || value instanceof Integer) {
            long id = ((Number) value).longValue();
            return id > 0 ? Optional.of(id) : Optional.empty();
        }
        // Some providers map user attributes to strings: "12" is cooperative 12, anything else is no claim.
        String text = String.valueOf(value).replace("\"", "").strip();
        return text.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }
}
