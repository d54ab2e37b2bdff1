package vn.chotdon.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing. Pages are numbered from 0. */
@Schema(name = "Page")
public record PageOf<T>(
        List<T> items,
        @Schema(example = "0") int page,
        @Schema(example = "20") int size,
        @Schema(example = "57") long totalItems,
        @Schema(example = "3") int totalPages) {

    public static <E, T> PageOf<T> of(List<E> items, int page, int size, long totalItems, Function<E, T> map) {
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new PageOf<>(items.stream().map(map).toList(), page, size, totalItems, totalPages);
    }
}
