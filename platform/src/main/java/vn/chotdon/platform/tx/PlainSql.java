package vn.chotdon.platform.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.hibernate.Session;

/**
 * Plain JDBC statements on the connection of the caller's transaction, for the hot paths' writes to
 * tables that no entity maps (counters, keys): Hibernate's machinery around a native query (its
 * plan, parameter binding, the flush check before it and the cache clean-up after it) cost more CPU
 * than the statement itself in a flash sale's profile. Hibernate does not flush before these
 * statements, so they must not depend on an entity change of the same transaction not yet flushed.
 * A failure comes as Hibernate's {@code JDBCException}, the {@link java.sql.SQLException} as its cause.
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

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Instant instant
                    ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : parameters[i];
            statement.setObject(i + 1, value);
        }
    }
}
