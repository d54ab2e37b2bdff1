package vn.chotdon.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.util.TokenBufferReadContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.chotdon.platform.problem.FieldPaths;

/**
 * The fields of one request body that its type does not have, collected while Jackson reads on
 * (so that every one of them is named, not only the first). A reading without this attribute
 * is left as Jackson would do it: events, stored JSON and other services' answers may carry
 * fields a newer peer added.
 */
final class UnknownFields {

    /** The key of the per-reading attribute that holds the collector. */
    static final Object ATTRIBUTE = UnknownFields.class;

    private final List<String> fields = new ArrayList<>();

    List<String> fields() {
        return List.copyOf(fields);
    }

    /** Registered on the request-body mapper; records and skips an unknown field when a collector is attached. */
    static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            if (!(context.getAttribute(ATTRIBUTE) instanceof UnknownFields unknown)) {
                return false;
            }
            unknown.fields.add(path(parser.getParsingContext(), propertyName));
            parser.skipChildren();
            return true;
        }
    
        /**
         * Where the field is: the context that has it as current name, inside the object's own
         * context. A record's unknown fields are replayed from a buffer, after the whole object,
         * through a context that copies the object's: that copy's parent is the object itself.
         */
        private static String path(JsonStreamContext where, String name) {
            JsonStreamContext field = where;
            while (field != null && !name.equals(field.getCurrentName())) {
                field = field.getParent();
            }
            if (field == null) {
                return name;
            }
            JsonStreamContext outside = field.getParent();
            if (field instanceof TokenBufferReadContext && outside != null && outside.inObject()) {
                outside = outside.getParent();
            }
            String at = outside == null ? "" : FieldPaths.of(outside);
            return at.isEmpty() ? name : at + "." + name;
        }
    }
}
