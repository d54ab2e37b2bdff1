package vn.chotdon.platform.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import vn.chotdon.platform.problem.Problem.FieldViolation;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Binds a request body to its type and refuses, with one 400 naming every one of them, the
 * fields the type does not have. Used for every JSON request body ({@link StrictJsonBodies}), and
 * by resources that read a body as a tree first (a JSON merge patch applied to the current state)
 * before binding it.
 */
@Singleton
public class StrictBodies {

    private final ObjectReader reader;

    StrictBodies(ObjectMapper json) {
        this.reader = json.copy().addHandler(new UnknownFields.Collector()).reader();
    }

    public JavaType type(Type type) {
        return reader.getTypeFactory().constructType(type);
    }

    public Object read(InputStream body, JavaType type) throws IOException {
        UnknownFields unknown = new UnknownFields();
        Object value = reader.forType(type).withAttribute(UnknownFields.ATTRIBUTE, unknown).readValue(body);
        refuse(unknown);
        return value;
    }

    /** A body read as a tree (a merged patch, say), bound as strictly as a body read directly. */
    public <T> T read(JsonNode body, Class<T> type) throws IOException {
        UnknownFields unknown = new UnknownFields();
        T value = reader.forType(type).withAttribute(UnknownFields.ATTRIBUTE, unknown).readValue(body);
        refuse(unknown);
        return value;
    }

    private static void refuse(UnknownFields unknown) {
        List<String> fields = unknown.fields();
        if (fields.isEmpty()) {
            return;
        }
        List<FieldViolation> errors = fields.stream().sorted().distinct()
                .map(field -> new FieldViolation(field, "unknown field")).toList();
        throw ProblemException.invalid(errors);
    }
}
