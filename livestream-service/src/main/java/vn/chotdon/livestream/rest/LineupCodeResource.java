package vn.chotdon.livestream.rest;

import static vn.chotdon.livestream.rest.ProblemTypes.TYPE;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.livestream.service.LineupService;
import vn.chotdon.platform.problem.Problem;

/**
 * The lineup as buyers reach it: by the code they type. A path of its own, not under
 * /lineup/{itemId}, so that no URL could be read as both a code and an item.
 */
@Path("/sessions/{sessionId}/lineup-codes")
@Tag(name = "Lineup")
@Produces(MediaType.APPLICATION_JSON)
public class LineupCodeResource {

    private final LineupService lineup;

    LineupCodeResource(LineupService lineup) {
        this.lineup = lineup;
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "findLineupItemByCode",
            summary = "Find a lineup item by the code buyers type, in any case (public)",
            description = "bg01 finds BG01. A code that cannot be one (more than 16 characters, or other than letters,"
                    + " digits, '-' and '_') finds nothing: 404.")
    @APIResponse(responseCode = "200", description = "The item with that code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineupItemView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or no item with that code in it." + TYPE
            + "not-found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineupItemView byCode(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId, @PathParam("code") @Parameter(description = "The code, in any case", example = "bg01")
            String code) {
        return LineupItemView.of(lineup.byCode(sessionId, code));
    }
}
