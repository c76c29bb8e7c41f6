package org.fupin.reporting.rebuild;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.security.Caller;
import org.fupin.platform.security.Roles;
import org.fupin.problem.ProblemException;

/** Administration of the read model: rebuild it from the events alone. */
@Path("/api/v1/reports/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "Rebuild the reports' read model by replaying both topics from the start")
@RolesAllowed(Roles.COUNTY_ADMIN)
public class RebuildResource {

    private final ReadModelRebuild rebuild;
    private final Caller caller;

    public RebuildResource(ReadModelRebuild rebuild, Caller caller) {
        this.rebuild = rebuild;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start a rebuild",
            description = "Replays household.events and assistance.events from their first offset into fresh tables and swaps "
                    + "them in at once; reports keep answering from the old tables meanwhile. 202 with the run to follow; "
                    + "409 rebuild-running while another runs.")
    public Response start(@jakarta.ws.rs.core.Context UriInfo uri) {
        RebuildRun run = rebuild.start(caller.subject());
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).build();
    }

    @GET
    @Operation(summary = "The latest rebuilds, newest first (at most 20)")
    public List<RebuildRun> latest() {
        return rebuild.latest();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rebuild: RUNNING, SUCCEEDED or FAILED, with the events applied so far")
    public RebuildRun find(@PathParam("id") UUID id) {
        return rebuild.find(id).orElseThrow(() -> ProblemException.notFound("Rebuild " + id));
    }
}
