package vn.chotdon.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/** YAML documents as Jackson trees. SnakeYAML resolves anchors, aliases and merge keys (<<) as compose does. */
final class Yaml {

    static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    static List<JsonNode> documents(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(20 * 1024 * 1024);
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new org.yaml.snakeyaml.Yaml(options).loadAll(text)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static JsonNode document(String text) {
        List<JsonNode> documents = documents(text);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }
}
