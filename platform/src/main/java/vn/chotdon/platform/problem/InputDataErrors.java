package vn.chotdon.platform.problem;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The safety net under input validation: a database error that only a request's data can cause
 * (too long for its column, out of range, bytes the character set refuses, a comparison of
 * text the collation cannot take) is a 400, not a 500. Validation should have refused the value
 * first; each one caught here is logged at WARN so that the missing check gets written.
 */
final class InputDataErrors {

    private static final Logger LOG = Logger.getLogger(InputDataErrors.class);
    /** SQLSTATE class 22 is "data exception": 22001 too long, 22003 out of range, 22007 bad date-time... */
    private static final String DATA_EXCEPTION_CLASS = "22";
    /**
     * MySQL and MariaDB errors with the general SQLSTATE HY000 that are about the data: 1366
     * incorrect string value, 1267/1270/1271 illegal mix of collations, 1406 data too long,
     * 1264 out of range, 1292 incorrect value, 1300 invalid character string.
     */
    private static final Set<Integer> DATA_ERROR_CODES = Set.of(1366, 1267, 1270, 1271, 1406, 1264, 1292, 1300);

    private InputDataErrors() {
    }

    static Optional<Problem> problem(Throwable error, String instance) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isDataError(sql)) {
                LOG.warnf("Input the database refused reached it unvalidated on %s: SQLSTATE %s, error %d: %s",
                        instance, sql.getSQLState(), sql.getErrorCode(), sql.getMessage());
                return Optional.of(new Problem("unstorable-value", "Value cannot be stored", 400,
                        "A value of the request cannot be stored as given (too long once normalised, out of range,"
                                + " or characters the database does not take); correct it and send it again",
                        instance, null, null));
            }
        }
        return Optional.empty();
    }

    private static boolean isDataError(SQLException e) {
        return (e.getSQLState() != null && e.getSQLState().startsWith(DATA_EXCEPTION_CLASS))
                || DATA_ERROR_CODES.contains(e.getErrorCode());
    }
}
