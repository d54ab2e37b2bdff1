package vn.chotdon.platform.json;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Reads JSON request bodies strictly: a field the body's type does not have is refused with a
 * 400 naming every such field, since a misspelt field would otherwise be ignored and, in a PUT,
 * clear what it meant to set ({@code perBuyerLimt}). Only this server-side reader is strict
 * (an application provider, so it comes before Quarkus' own JSON reader; see {@link StrictBodies}); the application's
 * ObjectMapper, which reads Kafka events, stored JSON and other services' answers, stays tolerant
 * of fields a newer peer added.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Consumes(MediaType.WILDCARD)
public class StrictJsonBodies implements ServerMessageBodyReader<Object> {

    /** Types another reader owns: text and bytes as sent, Vert.x JSON trees. */
    private static final List<Class<?>> NOT_OURS = List.of(String.class, byte[].class, InputStream.class,
            Reader.class, JsonObject.class, JsonArray.class);

    private final StrictBodies bodies;

    @Inject
    public StrictJsonBodies(StrictBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo method,
            MediaType mediaType) {
        return isReadable(type, mediaType);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isReadable(type, mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, MediaType mediaType, ServerRequestContext context)
            throws IOException {
        return read(type, genericType, context.getInputStream());
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return read(type, genericType, body);
    }

    private Object read(Class<Object> type, Type genericType, InputStream body) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(body, 1);
        int first = stream.read();
        if (first < 0) {
            // No body at all: the resource's own validation (@NotNull) says what is missing.
            return null;
        }
        stream.unread(first);
        try {
            return bodies.read(stream, bodies.type(genericType != null ? genericType : type));
        } catch (MismatchedInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No content")) {
                return null;
            }
            throw e;
        }
    }

    private static boolean isReadable(Class<?> type, MediaType mediaType) {
        if (mediaType == null || NOT_OURS.stream().anyMatch(t -> t.isAssignableFrom(type))) {
            return false;
        }
        String subtype = mediaType.getSubtype().toLowerCase(Locale.ROOT);
        return ("application".equalsIgnoreCase(mediaType.getType()) || "text".equalsIgnoreCase(mediaType.getType()))
                && (subtype.equals("json") || subtype.endsWith("+json"));
    }
}
