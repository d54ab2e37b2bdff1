package vn.chotdon.platform.config;

import io.smallrye.config.ConfigMapping;

/**
 * What every deployment must give a service. Mapped when the configuration is read at start,
 * before the database is migrated or a request is served, so that a missing one stops the service
 * at once with a message naming the environment variable (outside development and tests nothing
 * falls back to a development default; see META-INF/microprofile-config.properties).
 */
@ConfigMapping(prefix = "chotdon.required")
public interface RequiredSettings {

    /** The password of the service's own database user (CHOTDON_DB_PASSWORD). */
    String databasePassword();

    /** The password of the user that migrates the schema (CHOTDON_DB_MIGRATOR_PASSWORD). */
    String migratorPassword();

    /** Where the key that verifies bearer tokens is (CHOTDON_JWT_PUBLIC_KEY_LOCATION). */
    String tokenVerificationKey();
}
