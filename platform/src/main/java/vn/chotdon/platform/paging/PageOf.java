package vn.chotdon.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a listing. Pages are numbered from 0. Its schema is named after what it lists
 * ({@code PageOfParkedEventView}), so that each listing's items have their own type in the
 * generated clients. (No @Schema on the class: the raw, untyped PageOf would be documented too.)
 */
public record PageOf<T>(
        @Schema(required = true, description = "This page's items, at most size of them") List<T> items,
        @Schema(required = true, example = "0") int page,
        @Schema(required = true, example = "20") int size,
        @Schema(required = true, description = "Items on all pages", example = "57") long totalItems,
        @Schema(required = true, example = "3") int totalPages) {

    public static <E, T> PageOf<T> of(List<E> items, int page, int size, long totalItems, Function<E, T> map) {
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new PageOf<>(items.stream().map(map).toList(), page, size, totalItems, totalPages);
    }
}
