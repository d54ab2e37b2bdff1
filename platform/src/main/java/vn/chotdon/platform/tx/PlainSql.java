package vn.chotdon.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Plain JDBC statements on the connection of the caller's transaction, for the hot paths' statements
 * (the order's counters and key, its session check, the outbox's insert, the buyer records):
 * Hibernate's machinery around a native query (its plan, parameter binding, result-set mapping, the
 * flush check before it and the cache clean-up after it) cost more CPU than the statement itself in
 * a flash sale's profile. Hibernate does not flush before these statements: they must not depend on
 * an entity change of the same transaction not yet flushed, nor change a row an entity loaded in
 * that transaction will write back. A failure comes as Hibernate's {@code JDBCException}, the
 * {@link java.sql.SQLException} as its cause.
 */
@ApplicationScoped
public class PlainSql {

    private final EntityManager em;

    PlainSql(EntityManager em) {
        this.em = em;
    }

    /**
     * @param parameters bound in order; an {@link Instant} as its UTC date and time, as Hibernate
     *                   writes it ({@code quarkus.hibernate-orm.jdbc.timezone=UTC})
     * @return the rows the statement matched
     */
    public int update(String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Reads the columns of one row of a result; the row is the result set's current one. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * @param parameters bound as by {@link #update}
     * @return the first row the query finds, read by {@code reader}; empty when it finds none
     */
    public <T> Optional<T> firstRow(String sql, RowReader<T> reader, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(reader.read(rows)) : Optional.<T>empty();
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Instant instant
                    ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : parameters[i];
            statement.setObject(i + 1, value);
        }
    }
}
