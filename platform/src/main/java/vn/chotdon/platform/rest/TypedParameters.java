package vn.chotdon.platform.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Converts query, path and header parameters of the types the services take, and refuses text
 * that is not of the type with a 400 naming the parameter and what it must be
 * ({@link InvalidParameterException}), instead of JAX-RS's 404 "No resource" for
 * {@code ?size=abc} or {@code /products/abc}. Enums accept any case; a boolean is only
 * {@code true} or {@code false} (JAX-RS would read anything else as false). An empty value of a
 * boxed type or an enum is absent, so that its default applies.
 */
@Provider
public class TypedParameters implements ParamConverterProvider {

    /** What a value must be; {@code range} is added when it has the form but not the size (a whole number too large). */
    private record Kind(String expectation, String range, Function<String, Object> parse) {
    }

    private static final Map<Class<?>, Kind> KINDS = Map.ofEntries(
            Map.entry(Long.class, whole(Long.MIN_VALUE, Long.MAX_VALUE, Long::valueOf)),
            Map.entry(Integer.class, whole(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer::valueOf)),
            Map.entry(Short.class, whole(Short.MIN_VALUE, Short.MAX_VALUE, Short::valueOf)),
            Map.entry(Double.class, new Kind("must be a number", null, TypedParameters::finiteDouble)),
            Map.entry(BigDecimal.class, new Kind("must be a number", null, BigDecimal::new)),
            Map.entry(Boolean.class, new Kind("must be true or false", null, TypedParameters::strictBoolean)),
            Map.entry(UUID.class, new Kind("must be a UUID such as 0b6f2f64-3a4e-4f1c-9d55-0e9f0f7c2a11", null,
                    UUID::fromString)),
            Map.entry(LocalDate.class, new Kind("must be a date such as 2026-12-01", null, LocalDate::parse)),
            Map.entry(Instant.class, new Kind("must be a date-time such as 2026-12-01T19:00:00+07:00", null,
                    text -> OffsetDateTime.parse(text).toInstant())),
            Map.entry(OffsetDateTime.class, new Kind("must be a date-time such as 2026-12-01T19:00:00+07:00", null,
                    OffsetDateTime::parse)));

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(long.class, Long.class, int.class, Integer.class,
            short.class, Short.class, double.class, Double.class, boolean.class, Boolean.class);

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Named named = Named.of(annotations);
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(rawType, named);
        }
        Kind kind = KINDS.get(BOXES.getOrDefault(rawType, rawType));
        if (kind == null) {
            return null;
        }
        return (ParamConverter<T>) new TypedConverter(kind, named, rawType.isPrimitive());
    }

    private static Kind whole(long min, long max, Function<String, Object> parse) {
        return new Kind("must be a whole number", "from " + min + " to " + max, parse);
    }

    /** The parameter's name and where it comes from, as the client sends it. */
    record Named(String name, String where) {

        static Named of(Annotation[] annotations) {
            for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
                Named named = null;
                if (a instanceof QueryParam q) {
                    named = new Named(q.value(), "query");
                } else if (a instanceof PathParam p) {
                    named = new Named(p.value(), "path");
                } else if (a instanceof HeaderParam h) {
                    named = new Named(h.value(), "header");
                } else if (a instanceof CookieParam c) {
                    named = new Named(c.value(), "cookie");
                } else if (a instanceof FormParam f) {
                    named = new Named(f.value(), "form");
                } else if (a instanceof MatrixParam m) {
                    named = new Named(m.value(), "matrix");
                } else if (a instanceof RestQuery q) {
                    named = new Named(q.value(), "query");
                } else if (a instanceof RestPath p) {
                    named = new Named(p.value(), "path");
                } else if (a instanceof RestHeader h) {
                    named = new Named(h.value(), "header");
                }
                if (named != null && !named.name.isEmpty()) {
                    return named;
                }
            }
            return new Named("(unnamed)", "request");
        }

        InvalidParameterException refuse(String expectation) {
            return new InvalidParameterException(name, where, expectation);
        }
    }

    private record TypedConverter(Kind kind, Named named, boolean primitive) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null || (value.isEmpty() && !primitive)) {
                return null;
            }
            try {
                return kind.parse().apply(value);
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                boolean tooLarge = kind.range() != null && value.matches("[-+]?\\d+");
                throw named.refuse(tooLarge ? kind.expectation() + " " + kind.range() : kind.expectation());
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type, Named named) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw named.refuse("must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '"
                        + value + "'");
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    private static Object strictBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static Object finiteDouble(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }
}
