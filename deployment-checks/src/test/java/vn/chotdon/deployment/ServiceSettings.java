package vn.chotdon.deployment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What one service reads, from its sources: the keys of its application.properties and of the platform's
 * microprofile-config.properties (any profile), the environment variables their values refer to
 * (${CHOTDON_DB_PASSWORD}), the names of @ConfigProperty and the prefixes of @ConfigMapping in its code and the
 * platform's, the Kafka client's settings (the Quarkus Kafka extension passes every kafka.* key to the client,
 * so KAFKA_SASL_MECHANISM is sasl.mechanism), a few Quarkus keys set only by deployments, and the variables of
 * the image's launcher. An environment variable names a key by MicroProfile Config's rule: the key upper-cased
 * with every character other than a letter or a digit turned into '_'.
 */
final class ServiceSettings {

    /** Quarkus's own keys that only a deployment sets (each is in Quarkus's configuration reference). */
    static final List<String> QUARKUS_KEYS = List.of("quarkus.profile", "quarkus.init-and-exit",
            "quarkus.liquibase.enabled", "quarkus.datasource.username", "quarkus.datasource.jdbc.max-size",
            "quarkus.datasource.jdbc.min-size", "quarkus.datasource.jdbc.initial-size", "quarkus.http.port");
    /** run-java.sh of the ubi9 OpenJDK runtime image (Dockerfile.jvm). */
    static final List<String> LAUNCHER_VARIABLES = List.of("JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND",
            "GC_CONTAINER_OPTIONS", "JAVA_OPTS");
    private static final Set<String> KAFKA_CLIENT_SETTINGS = kafkaClientSettings();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern PLAIN_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");

    final String service;
    /** Key (without profile) → profile ("" for none) → value. */
    private final Map<String, Map<String, String>> properties = new TreeMap<>();
    private final Set<String> profiles = new HashSet<>();
    private final Set<String> variables = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<String> prefixes = new HashSet<>();

    ServiceSettings(Path root, String service) {
        this.service = service;
        load(Repository.read(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        // The service's own file is loaded last: its values win, as its ordinal (250) is above the platform's (100).
        load(Repository.read(root.resolve(service + "/src/main/resources/application.properties")));
        scanCode(root.resolve("platform/src/main/java"));
        scanCode(root.resolve(service + "/src/main/java"));
        keys.addAll(QUARKUS_KEYS);
    }

    static ServiceSettings of(String service) {
        return new ServiceSettings(Repository.root(), service);
    }

    private void load(String text) {
        Properties file = new Properties();
        try {
            file.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String rawKey : file.stringPropertyNames()) {
            String key = rawKey;
            String profile = "";
            if (rawKey.startsWith("%")) {
                int dot = rawKey.indexOf('.');
                profile = rawKey.substring(1, dot);
                key = rawKey.substring(dot + 1);
                profiles.addAll(List.of(profile.split(",")));
            }
            String value = file.getProperty(rawKey);
            for (String each : profile.split(",")) {
                properties.computeIfAbsent(key, k -> new TreeMap<>()).put(each, value);
            }
            keys.add(key);
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                variables.add(expression.group(1));
            }
        }
    }

    private void scanCode(Path sources) {
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String code = Repository.read(file);
                CONFIG_PROPERTY.matcher(code).results().forEach(m -> keys.add(m.group(1)));
                CONFIG_MAPPING.matcher(code).results().forEach(m -> prefixes.add(m.group(1)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Empty when the service reads this environment variable; otherwise why not. */
    Optional<String> unread(String variable) {
        if (variables.contains(variable) || LAUNCHER_VARIABLES.contains(variable)) {
            return Optional.empty();
        }
        if (keys.stream().map(ServiceSettings::environmentName).anyMatch(variable::equals)) {
            return Optional.empty();
        }
        if (prefixes.stream().map(ServiceSettings::environmentName).anyMatch(p -> variable.startsWith(p + "_"))) {
            return Optional.empty();
        }
        if (variable.startsWith("KAFKA_")) {
            String setting = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            return KAFKA_CLIENT_SETTINGS.contains(setting) ? Optional.empty()
                    : Optional.of(variable + " would be the Kafka client setting " + setting + ", which does not exist");
        }
        return Optional.of(variable + " is read by no setting of " + service);
    }

    /** The profiles a QUARKUS_PROFILE value names that the settings do not know. */
    List<String> unknownProfiles(String quarkusProfile) {
        return Stream.of(quarkusProfile.split(",")).map(String::trim)
                .filter(p -> !p.equals("prod") && !profiles.contains(p)).toList();
    }

    /**
     * The variables this service cannot start without under these profiles: those a %prod value refers to
     * without a default, unless a later profile gives that key another value.
     */
    Set<String> required(List<String> activeProfiles) {
        Set<String> required = new HashSet<>();
        properties.forEach((key, byProfile) -> {
            String prod = byProfile.get("prod");
            if (prod == null) {
                return;
            }
            boolean overridden = activeProfiles.stream().anyMatch(p -> !p.equals("prod") && byProfile.containsKey(p));
            Matcher plain = PLAIN_VARIABLE.matcher(prod);
            if (!overridden && plain.matches()) {
                required.add(plain.group(1));
            }
        });
        return required;
    }

    /** The largest pool of the service's datasource when the environment does not set it. */
    int poolMaxSize() {
        Map<String, String> byProfile = properties.get("quarkus.datasource.jdbc.max-size");
        // Quarkus's default pool size.
        return byProfile == null || !byProfile.containsKey("") ? 20 : Integer.parseInt(byProfile.get(""));
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }
}
