package vn.chotdon.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Plain JDBC statements on the connection of the caller's transaction, for the hot paths' statements
 * (the order's inserts, counters and key, its session check, the outbox's insert, the buyer records):
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

    /**
     * @param parameters bound as by {@link #update}
     * @return every row the query finds, read by {@code reader}, in the result's order
     */
    public <T> List<T> rows(String sql, RowReader<T> reader, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> read = new ArrayList<>();
                    while (rows.next()) {
                        read.add(reader.read(rows));
                    }
                    return read;
                }
            }
        });
    }

    /** @return the rows the statement matched */
    public int update(Statement statement) {
        return update(statement.sql(), statement.parameters());
    }

    /** One SQL statement with its parameters, to send with others in one round trip. */
    public record Statement(String sql, Object... parameters) {
    }

    /**
     * Sends the statements in one round trip (the connection allows several statements per query,
     * {@code allowMultiQueries=true}) and runs them in order; the first that fails throws, and the
     * ones after it do not run. Each waits on the database as much as it would alone: this saves the
     * network's and the driver's time between them, which in a flash sale was most of a statement's
     * cost.
     *
     * @return the rows each statement matched, in order
     */
    public int[] updateAll(Statement... statements) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(joined(statements))) {
                bind(statement, parameters(statements));
                int[] counts = new int[statements.length];
                statement.execute();
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = statement.getUpdateCount();
                    statement.getMoreResults();
                }
                return counts;
            }
        });
    }

    /**
     * Runs {@code update}, then {@code query}, in one round trip as {@link #updateAll} does.
     *
     * @return the first row the query finds, read by {@code reader}; empty when it finds none
     */
    public <T> Optional<T> firstRowAfter(Statement update, Statement query, RowReader<T> reader) {
        return firstRowOf(1, reader, update, query);
    }

    /**
     * Inserts a row and, in the same round trip as {@link #updateAll} sends statements, runs the
     * statements that refer to it by its key as {@code LAST_INSERT_ID()} (rows of another table that
     * belong to it). {@code LAST_INSERT_ID()} keeps the key of the last statement that ended, for every
     * row of a statement that is inserting more.
     *
     * @return the key the database generated for the row
     */
    public long insertThen(Statement insert, Statement... referring) {
        Statement[] all = new Statement[referring.length + 2];
        all[0] = insert;
        all[1] = new Statement("SELECT LAST_INSERT_ID()");
        System.arraycopy(referring, 0, all, 2, referring.length);
        return firstRowOf(1, row -> row.getLong(1), all).orElseThrow();
    }

    /** Runs the statements in one round trip; reads the first row of the result of the one at {@code query}. */
    private <T> Optional<T> firstRowOf(int query, RowReader<T> reader, Statement... statements) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(joined(statements))) {
                bind(statement, parameters(statements));
                statement.execute();
                for (int i = 0; i < query; i++) {
                    statement.getMoreResults();
                }
                try (ResultSet rows = statement.getResultSet()) {
                    if (rows == null) {
                        throw new SQLException("statement " + query + " gave no result: " + statements[query].sql());
                    }
                    return rows.next() ? Optional.of(reader.read(rows)) : Optional.<T>empty();
                }
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

    private static String joined(Statement... statements) {
        return Arrays.stream(statements).map(Statement::sql).collect(Collectors.joining("; "));
    }

    private static Object[] parameters(Statement... statements) {
        return Arrays.stream(statements).flatMap(statement -> Arrays.stream(statement.parameters())).toArray();
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Instant instant
                    ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : parameters[i];
            statement.setObject(i + 1, value);
        }
    }
}
