package vn.chotdon.platform.problem;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Names an invalid field the way the client wrote it: {@code items[0].quantity}. */
public final class FieldPaths {

    private FieldPaths() {
    }

    /**
     * From a Bean Validation path such as {@code create.body.items[0].quantity}: drops the method,
     * and the parameter when it is the request body (more nodes follow it); keeps a query or path
     * parameter's own name.
     */
    static String of(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR) {
                nodes.add(node);
            }
        }
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN
                    || node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }

    /** From Jackson's path to the value it could not bind. */
    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** From where a JSON parser is: the field it is on, inside the objects and arrays around it. */
    public static String of(JsonStreamContext where) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = where; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                parts.push((context.getParent() != null && !context.getParent().inRoot() ? "." : "")
                        + context.getCurrentName());
            }
        }
        return String.join("", parts);
    }
}
