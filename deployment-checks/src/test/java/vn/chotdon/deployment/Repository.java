package vn.chotdon.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is and which version the Maven build gives the project (set by surefire). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("chotdon.repository", "..")).toAbsolutePath().normalize();
    }

    static String projectVersion() {
        String version = System.getProperty("chotdon.project.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("chotdon.project.version is not set: run the tests through Maven");
        }
        return version;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (var in = Repository.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
