package vn.chotdon.order.comment.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * An instant only as the document declares it, ISO-8601 text. Jackson would read a number as
 * seconds since 1970, so a forwarder sending {@code 12} would store a comment written in 1970
 * instead of being told (400) that the field is wrong.
 */
public final class IsoInstant extends StdDeserializer<Instant> {

    public IsoInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        return (Instant) context.findRootValueDeserializer(context.constructType(Instant.class)).deserialize(parser, context);
    }
}
