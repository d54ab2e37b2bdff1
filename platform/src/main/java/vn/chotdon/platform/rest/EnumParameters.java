package vn.chotdon.platform.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;

/**
 * Query and path parameters of an enum type (?status=ACTIVE) accept any case; an unknown value
 * is a 400 that lists the known ones, not the 404 JAX-RS would otherwise answer.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return (ParamConverter<T>) new EnumConverter(rawType);
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("Unknown value '" + value + "'; expected one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }
}
