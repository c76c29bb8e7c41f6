package org.fupin.household.villages.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.villages.domain.VillageExitStatus;
import org.fupin.household.villages.persistence.VillageExitEntity;
import org.fupin.household.villages.service.VillageExits;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.security.Roles;

/** Poor-village exit (貧困村出列): the township proposes, the county approves and announces. */
@Path("/api/v1/village-exits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Village exits", description = "Poor-village exit (貧困村出列) as a township proposal and a county decision")
public class VillageExitResource {

    /** The list's filters; an unknown value is a 400, not an empty list. */
    public static class Filter {

        @QueryParam("region")
        @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
                schema = @Schema(pattern = QueryParams.REGION_CODE))
        String region;

        @QueryParam("status")
        @Parameter(description = "PROPOSED, APPROVED or REJECTED", schema = @Schema(implementation = VillageExitStatus.class))
        String status;

        VillageExits.Filter filter() {
            return new VillageExits.Filter(QueryParams.region("region", region),
                    QueryParams.enumValue(VillageExitStatus.class, "status", status));
        }
    }

    private final VillageExits exits;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public VillageExitResource(VillageExits exits, IdempotentRequests idempotency, Caller caller) {
        this.exits = exits;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TOWNSHIP_OFFICER)
    @Operation(summary = "Propose a poor village's exit (貧困村出列)",
            description = "By the township, for a poor village (貧困村) of its own whose poverty incidence (members of POOR, RETURNED "
                    + "and EXIT_PENDING households over the rural population, counted now) is under fupin.villages.exit-incidence "
                    + "(3%): 422 not-a-poor-village, 422 incidence-above-threshold, 409 village-exit-open while one waits, 409 "
                    + "village-already-exited. Publishes village-exit.proposed. Accepts Idempotency-Key.")
    @APIResponseSchema(value = VillageExitView.class, responseCode = "201", responseDescription = "The proposal, waiting for the county")
    public Response propose(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull VillageExitRequests.Proposal body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/village-exits", body, () -> {
            VillageExitEntity exit = exits.propose(body.villageCode(), body.proposedOn(), body.reason().strip(), caller.scope(),
                    actor());
            return Response.created(URI.create("/api/v1/village-exits/" + exit.id)).tag(String.valueOf(exit.version))
                    .entity(VillageExitView.of(exit)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.ANALYST,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List village exits", description = "Proposals and decisions of villages in the caller's region, oldest first.")
    public Page<VillageExitView> list(@BeanParam Filter filter, @BeanParam PageParams page) {
        return exits.page(filter.filter(), caller.scope(), page.request()).map(VillageExitView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.ANALYST,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a village exit")
    @APIResponseSchema(value = VillageExitView.class, responseCode = "200", responseDescription = "The village exit")
    public Response get(@PathParam("id") UUID id) {
        VillageExitEntity exit = exits.get(id, caller.scope());
        return Response.ok(VillageExitView.of(exit)).tag(String.valueOf(exit.version)).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COUNTY_ADMIN)
    @Operation(summary = "The county's decision on a village's exit (縣審定公告)",
            description = "APPROVE: the village counts as exited (出列) from decidedOn, the announcement's date; REJECT needs a reason. "
                    + "Not by the proposer (403 same-person); a decided proposal answers 409 village-exit-decided. Publishes "
                    + "village-exit.decided. Needs If-Match.")
    @APIResponseSchema(value = VillageExitView.class, responseCode = "200", responseDescription = "The decided village exit")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VillageExitRequests.Decision body) {
        VillageExitEntity exit = exits.decide(id, body.decision() == VillageExitRequests.Verdict.APPROVE, body.decidedOn(),
                body.reason() == null ? null : body.reason().strip(), ETags.expected(ifMatch), caller.scope(), actor());
        return Response.ok(VillageExitView.of(exit)).tag(String.valueOf(exit.version)).build();
    }

    private VillageExits.Actor actor() {
        return new VillageExits.Actor(caller.subject(), caller.actor());
    }
}
