package vn.chotdon.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/** Stores a short ordered list of image URLs as a JSON array in one column. */
@Converter
public class UrlListConverter implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> urls) {
        try {
            return JSON.writeValueAsString(urls == null ? List.of() : urls);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("image URLs cannot be stored", e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        try {
            return column == null || column.isBlank() ? new ArrayList<>() : new ArrayList<>(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored image URLs are not a JSON array: " + column, e);
        }
    }
}
