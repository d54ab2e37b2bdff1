package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user the running service connects as may read and write rows, and nothing more: whoever
 * gets hold of its connection cannot drop, alter or create tables (Liquibase migrates as a
 * separate user).
 */
@QuarkusTest
class RuntimeDatabaseUserTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void isTheServicesOwnUserAndMayRead() throws SQLException {
        assertThat(user).isEqualTo("chotdon_catalog");
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM product")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isNotNegative();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE product",
            "ALTER TABLE product ADD COLUMN intruder INT",
            "CREATE TABLE intruder (id BIGINT PRIMARY KEY)",
            "TRUNCATE TABLE stock_ledger_entry" })
    void mayNotChangeTheSchema(String ddl) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(ddl)).as(ddl)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
            try (ResultSet columns = statement.executeQuery("SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'product' AND column_name = 'intruder'")) {
                columns.next();
                assertThat(columns.getLong(1)).as("columns added").isZero();
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
