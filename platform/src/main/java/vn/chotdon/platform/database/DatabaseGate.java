package vn.chotdon.platform.database;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * A circuit breaker in front of the database. Once a request has found the database unreachable,
 * the API answers 503 database-unavailable at once instead of letting every request wait for the
 * pool to give up on a dead server; a probe every second (the scheduler's shortest period; clients
 * are told to retry after 2 s) asks the pool for a connection, and the first one it gets opens the
 * gate again. Per instance: each instance learns of the outage and of the return by itself.
 */
@ApplicationScoped
public class DatabaseGate {

    private static final Logger LOG = Logger.getLogger(DatabaseGate.class);
    private static final int VALIDATION_SECONDS = 1;

    private final DataSource dataSource;
    private volatile boolean closed;

    DatabaseGate(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isClosed() {
        return closed;
    }

    /** A request found the database unreachable: the next ones are answered without waiting for it. */
    public void close() {
        if (!closed) {
            closed = true;
            LOG.warn("The database cannot be reached: requests that need it answer 503 until it is back");
        }
    }

    @Scheduled(identity = "database-gate-probe", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (!closed) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                closed = false;
                LOG.info("The database is reachable again: requests go through");
            }
        } catch (SQLException e) {
            LOG.debugf("The database is still away: %s", e.getMessage());
        }
    }
}
