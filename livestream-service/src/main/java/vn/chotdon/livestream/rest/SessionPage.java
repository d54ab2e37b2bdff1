package vn.chotdon.livestream.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.paging.PageOf;

/**
 * One page of the session listing: the platform's page, under a name of its own in the OpenAPI
 * document, so that clients get its items typed as sessions.
 */
@Schema(name = "SessionPage", description = "One page of sessions; pages are numbered from 0")
public record SessionPage(
        @Schema(required = true) List<SessionView> items,
        @Schema(required = true, example = "0") int page,
        @Schema(required = true, example = "20") int size,
        @Schema(required = true, description = "Sessions matching the filters, on every page", example = "57")
        long totalItems,
        @Schema(required = true, example = "3") int totalPages) {

    static SessionPage of(PageOf<SessionView> page) {
        return new SessionPage(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
