package vn.chotdon.livestream;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test only. The Kafka broker is shared with the other modules' tests, which publish their own
 * order events for their own small session and item ids; starting this run's ids at a random
 * high number keeps those events from ever matching a session of these tests.
 * <p>
 * Changing AUTO_INCREMENT is DDL, which the service's own database user may not run: it goes
 * through a connection of its own as the migrator user that Liquibase uses.
 */
@ApplicationScoped
public class IsolatedIds {

    private final String url;
    private final String migrator;
    private final String password;

    IsolatedIds(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.liquibase.username") String migrator,
            @ConfigProperty(name = "quarkus.liquibase.password") String password) {
        this.url = url;
        this.migrator = migrator;
        this.password = password;
    }

    void startIdsHigh(@Observes StartupEvent event) throws SQLException {
        long base = ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1_000;
        try (Connection connection = DriverManager.getConnection(url, migrator, password);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE sale_session AUTO_INCREMENT = " + base);
            statement.executeUpdate("ALTER TABLE lineup_item AUTO_INCREMENT = " + base);
        }
    }
}
