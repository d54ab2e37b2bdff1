package vn.chotdon.platform.consumer;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure because the database cannot be reached from one the event itself causes. The
 * first says nothing about the event: a consumer waits for the database instead of parking every
 * event during an outage.
 */
public final class DatabaseFailures {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_STATE_CLASS = "08";
    /** Drivers, pools and Hibernate name the lost connection in words rather than in a type. */
    private static final List<String> CONNECTION_WORDS = List.of("connection refused", "communications link failure",
            "connection is closed", "connection closed", "connection reset", "acquisition timeout",
            "unable to acquire jdbc connection", "could not open connection", "no operations allowed after connection closed",
            "broken pipe", "socket closed");
    private static final Set<String> CONNECTION_TYPES = Set.of("org.hibernate.exception.JDBCConnectionException",
            "com.mysql.cj.jdbc.exceptions.CommunicationsException", "com.mysql.cj.exceptions.CJCommunicationsException",
            "io.agroal.pool.ConnectionPool$AcquisitionTimeoutException");

    private DatabaseFailures() {
    }

    /** True when this failure, or any failure in its cause chain, says the database connection is gone. */
    public static boolean isUnreachable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (saysConnectionIsGone(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysConnectionIsGone(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException || t instanceof SocketException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_STATE_CLASS)) {
            return true;
        }
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (CONNECTION_TYPES.contains(type.getName())) {
                return true;
            }
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return CONNECTION_WORDS.stream().anyMatch(message::contains);
    }
}
