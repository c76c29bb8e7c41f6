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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.fupin.problem.ProblemException;

/**
 * Administration of the read model: rebuild it from the events alone. A rebuild replays every
 * region's events at once, so it belongs to the operator, whose token names no region; no county's
 * admin may start one for everybody.
 */
@Path("/api/v1/reports/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read model", description = "Rebuild the reports' read model by replaying both topics from the start")
@RolesAllowed(Roles.OPERATOR)
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
    public Response start() {
        RebuildRun run = rebuild.start(caller.subject());
        return Response.accepted(run).location(java.net.URI.create("/api/v1/reports/rebuilds/" + run.id())).build();
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
