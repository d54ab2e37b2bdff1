package vn.chotdon.livestream.service;

import java.sql.SQLException;

/** Recognises a refused INSERT or UPDATE by the unique key that refused it. */
final class UniqueKeys {

    /** MySQL/MariaDB ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;

    private UniqueKeys() {
    }

    /** @return whether {@code e} or one of its causes is a duplicate entry for the key {@code name} */
    static boolean violated(Throwable e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_ENTRY && sql.getMessage() != null
                    && sql.getMessage().contains(name)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
