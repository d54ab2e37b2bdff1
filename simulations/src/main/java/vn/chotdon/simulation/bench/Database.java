package vn.chotdon.simulation.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The MySQL-compatible server of the stack, reached as ./chotdon's admin user
 * (CHOTDON_MYSQL_HOST, _PORT, _ADMIN_USER, _ADMIN_PASSWORD), with the services' driver settings.
 */
record Database(String host, int port, String user, String password) {

    static Database fromEnvironment() {
        return new Database(env("CHOTDON_MYSQL_HOST", "127.0.0.1"), Integer.parseInt(env("CHOTDON_MYSQL_PORT", "3306")),
                env("CHOTDON_MYSQL_ADMIN_USER", "root"), env("CHOTDON_MYSQL_ADMIN_PASSWORD", ""));
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/" + database
                + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&sslMode=PREFERRED"
                + "&allowPublicKeyRetrieval=true&connectTimeout=2000"
                // As the services connect: the ceiling is measured with the same driver settings.
                + "&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=4096&openTelemetry=DISABLED", properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
