package vn.chotdon.platform.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the service use {@link RequiredSettings}, so that Quarkus maps them with the rest of the
 * configuration when it starts (a mapping nothing uses is never read, and a missing secret would
 * surface only later, as a failed database login or a refused token).
 */
@Startup
@ApplicationScoped
class RequiredSettingsAtStart {

    RequiredSettingsAtStart(RequiredSettings required) {
        // Injecting the mapping is what makes Quarkus read and check it.
    }
}
