package vn.chotdon.platform.database;

import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import vn.chotdon.platform.problem.Problem;

/**
 * Recognises a failure that means "the database cannot be reached" (no connection in time from
 * the pool, connection refused or dropped, a commit that lost its connection), however deeply
 * Hibernate, the transaction manager or the pool wrapped it, and answers it with 503
 * {@code database-unavailable} and Retry-After: the client may send the same request again
 * (with the same Idempotency-Key) once the database is back. Other database errors stay 500.
 */
public final class DatabaseOutage {

    public static final String SLUG = "database-unavailable";
    static final int RETRY_AFTER_SECONDS = 2;
    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {
    }

    /**
     * Whether this failure, or anything it wraps, says the database cannot be reached: the server
     * is lost, or no connection could be had from the pool in time.
     */
    public static boolean isCauseOf(Throwable failure) {
        return anywhereIn(failure, t -> lostTheServer(t) || noConnectionInTime(t));
    }

    /**
     * Whether the failure shows the server itself gone (refused, dropped), not merely a pool too
     * busy to lend a connection in time: only this closes the {@link DatabaseGate}.
     */
    public static boolean showsTheServerGone(Throwable failure) {
        return anywhereIn(failure, DatabaseOutage::lostTheServer);
    }

    private static boolean anywhereIn(Throwable failure, Predicate<Throwable> test) {
        return reaches(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean reaches(Throwable t, Predicate<Throwable> test, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (reaches(suppressed, test, seen)) {
                return true;
            }
        }
        if (t instanceof SQLException sql && reaches(sql.getNextException(), test, seen)) {
            return true;
        }
        return reaches(t.getCause(), test, seen);
    }

    /** Agroal's "Sorry, acquisition timeout!" and "Acquisition timeout while waiting for new connection". */
    private static boolean noConnectionInTime(Throwable t) {
        return t instanceof SQLException sql
                && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    private static boolean lostTheServer(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException
                || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof SocketException) {
            return true;
        }
        String type = t.getClass().getName();
        // By name: the platform does not depend on Hibernate's or the driver's exception types.
        if (type.equals("org.hibernate.exception.JDBCConnectionException") || type.endsWith("CommunicationsException")) {
            return true;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS);
    }

    /** 503 problem+json with Retry-After. */
    public static Response answer(String instance) {
        Problem problem = new Problem(SLUG, "Database unavailable", 503,
                "The service cannot reach its database right now; send the same request again in a few seconds"
                        + " (with the same Idempotency-Key)", instance, null, null);
        return problem.toResponseRetryingAfter(RETRY_AFTER_SECONDS);
    }
}
