package vn.chotdon.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worst case of MySQL connections against max_connections. Every pod labelled chotdon.vn/mysql-client
 * counts: a service's pod its pool at its largest (QUARKUS_DATASOURCE_JDBC_MAX_SIZE, else its
 * application.properties, else Quarkus's 20) plus one for Liquibase if it migrates at start (any profile but
 * dml-only); any other pod one. A Deployment counts at the HPA's maxReplicas when one scales it, plus the
 * surge pods of a rolling update; a Job its parallelism. The reserved connections (administration, backups)
 * are added. Kubernetes: max_connections and reserved_connections of the ConfigMap mysql-limits. Compose:
 * the MySQL service's --max-connections and its label vn.chotdon.reserved-connections.
 */
final class ConnectionBudget {

    private static final Pattern MAX_CONNECTIONS = Pattern.compile("--max[-_]connections=(\\d+)");

    record Result(int worstCase, int maxConnections, List<String> lines) {

        boolean fits() {
            return worstCase <= maxConnections;
        }

        String explain() {
            return String.join("\n", lines) + "\nworst case " + worstCase + " against max_connections " + maxConnections;
        }
    }

    private final Map<String, ServiceSettings> services = new HashMap<>();

    private ServiceSettings settings(String service) {
        return services.computeIfAbsent(service, ServiceSettings::of);
    }

    Result kubernetes(Manifests manifests) {
        JsonNode limits = manifests.find("ConfigMap", "mysql-limits")
                .orElseThrow(() -> new IllegalStateException(manifests.name() + " has no ConfigMap mysql-limits"))
                .path("data");
        int maxConnections = Integer.parseInt(limits.path("max_connections").asText());
        int reserved = Integer.parseInt(limits.path("reserved_connections").asText("0"));
        List<String> lines = new ArrayList<>();
        int total = reserved;
        lines.add("reserved " + reserved);
        for (JsonNode workload : manifests.workloads()) {
            JsonNode template = workload.path("spec").path("template");
            if (!"true".equals(template.path("metadata").path("labels").path("chotdon.vn/mysql-client").asText())) {
                continue;
            }
            int pods = pods(manifests, workload);
            int perPod = 0;
            for (JsonNode container : template.path("spec").path("containers")) {
                perPod += perContainer(container.path("image").asText(), environment(container));
            }
            total += pods * perPod;
            lines.add(Manifests.describe(workload) + ": " + pods + " pods × " + perPod + " = " + pods * perPod);
        }
        return new Result(total, maxConnections, lines);
    }

    Result compose(JsonNode compose) {
        JsonNode services = compose.path("services");
        JsonNode mysql = services.path("mysql");
        Matcher max = MAX_CONNECTIONS.matcher(mysql.path("command").toString());
        if (!max.find()) {
            throw new IllegalStateException("docker-compose.yml: the mysql service sets no --max-connections");
        }
        int maxConnections = Integer.parseInt(max.group(1));
        int reserved = Integer.parseInt(mysql.path("labels").path("vn.chotdon.reserved-connections").asText("0"));
        List<String> lines = new ArrayList<>();
        lines.add("reserved " + reserved);
        int total = reserved;
        var names = services.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode service = services.get(name);
            Map<String, String> environment = new HashMap<>();
            service.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
            boolean client = Manifests.serviceOfImage(service.path("image").asText()).isPresent()
                    || environment.containsKey("MYSQL_HOST");
            if (!client) {
                continue;
            }
            int instances = service.path("deploy").path("replicas").asInt(1);
            int perInstance = perContainer(service.path("image").asText(), environment);
            total += instances * perInstance;
            lines.add(name + ": " + instances + " × " + perInstance + " = " + instances * perInstance);
        }
        return new Result(total, maxConnections, lines);
    }

    private int perContainer(String image, Map<String, String> environment) {
        Optional<String> service = Manifests.serviceOfImage(image);
        if (service.isEmpty()) {
            return 1;
        }
        String size = environment.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
        int pool = size != null ? Integer.parseInt(size) : settings(service.get()).poolMaxSize();
        boolean migrates = !environment.getOrDefault("QUARKUS_PROFILE", "prod").contains("dml-only");
        return pool + (migrates ? 1 : 0);
    }

    private static Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new HashMap<>();
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                environment.put(variable.path("name").asText(), variable.path("value").asText());
            }
        }
        return environment;
    }

    private static int pods(Manifests manifests, JsonNode workload) {
        String kind = workload.path("kind").asText();
        String name = workload.path("metadata").path("name").asText();
        JsonNode spec = workload.path("spec");
        if (kind.equals("Job")) {
            return spec.path("parallelism").asInt(1);
        }
        int replicas = spec.path("replicas").asInt(1);
        for (JsonNode hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            if (target.path("kind").asText().equals(kind) && target.path("name").asText().equals(name)) {
                replicas = Math.max(replicas, hpa.path("spec").path("maxReplicas").asInt());
            }
        }
        if (kind.equals("Deployment")) {
            replicas += surge(spec.path("strategy"), replicas);
        }
        return replicas;
    }

    /** Pods a rolling update adds above the replicas (Kubernetes's default: 25 %, rounded up). */
    private static int surge(JsonNode strategy, int replicas) {
        if (strategy.path("type").asText("RollingUpdate").equals("Recreate")) {
            return 0;
        }
        String surge = strategy.path("rollingUpdate").path("maxSurge").asText("25%");
        if (surge.endsWith("%")) {
            return (int) Math.ceil(replicas * Integer.parseInt(surge.substring(0, surge.length() - 1)) / 100.0);
        }
        return Integer.parseInt(surge);
    }
}
