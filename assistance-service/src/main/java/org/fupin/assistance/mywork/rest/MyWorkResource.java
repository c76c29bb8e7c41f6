package org.fupin.assistance.mywork.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.assistance.mywork.service.MyWork;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;

/** A helper's work for the app (我的幫扶), in one call. */
@Path("/api/v1/my-work")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My work", description = "What a helper signed in to the app has to do: households, due visits, alerts")
public class MyWorkResource {

    private final MyWork work;
    private final Caller caller;

    public MyWorkResource(MyWork work, Caller caller) {
        this.work = work;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.VILLAGE_CADRE, Roles.TOWNSHIP_OFFICER, Roles.ASSISTANCE_OFFICER, Roles.COUNTY_ADMIN })
    @Operation(summary = "My households, due visits and open alerts",
            description = "For a caller whose account the county linked to a helper record (PUT /api/v1/helpers/{id}/account; "
                    + "else 404 no-helper-account): the households actively paired with the helper, each with its next visit's "
                    + "due day and the card a visit needs (household number, address, phone, head's name, members); the visits "
                    + "due; the open monitoring alerts assigned to the helper. The cards and alerts come from the register with "
                    + "the caller's own token: the caller sees exactly what their role and region may see there, masked the same "
                    + "way, and the register's access log records the reading. Households outside the token's region are left "
                    + "out (counted in outsideRegion). When the register cannot be read, registry is UNAVAILABLE and the answer "
                    + "still carries the pairings and due visits.")
    @APIResponse(responseCode = "200", description = "The helper's work",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyWorkView.class)))
    @APIResponse(responseCode = "404", description = "The caller's account is linked to no helper (no-helper-account)")
    public MyWorkView get() {
        return MyWorkView.of(work.of(caller.subject(), caller.scope(), caller.bearerToken()));
    }
}
