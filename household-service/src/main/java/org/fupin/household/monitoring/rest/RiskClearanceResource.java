package org.fupin.household.monitoring.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import org.fupin.household.monitoring.domain.ClearanceStatus;
import org.fupin.household.monitoring.persistence.RiskClearanceEntity;
import org.fupin.household.monitoring.service.Clearances;
import org.fupin.household.monitoring.service.MonitoringQueries;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.security.Roles;

/** Risk elimination (風險消除): the helper's proposal and the township's decision. */
@Path("/api/v1/risk-clearances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring")
public class RiskClearanceResource {

    @Schema(name = "RiskClearance")
    public record View(UUID id, UUID householdId, String villageCode, ClearanceStatus status, LocalDate proposedOn, String proposer,
            String reason, int stableMonths, @Schema(description = "The assessments that show the period stable, oldest first.")
            List<String> assessmentIds, @Schema(nullable = true) LocalDate decidedOn, @Schema(nullable = true) String decidedBy,
            @Schema(nullable = true) String decisionReason) {

        static View of(RiskClearanceEntity c) {
            return new View(c.id, c.householdId, c.villageCode, c.status, c.proposedOn, c.proposer, c.reason, c.stableMonths,
                    c.assessmentIds, c.decidedOn, c.decidedBy, c.decisionReason);
        }
    }

    /** The list's filters; an unknown value is a 400, not an empty list. */
    public static class Filter {

        @QueryParam("region")
        @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
                schema = @Schema(pattern = QueryParams.REGION_CODE))
        String region;

        @QueryParam("householdId")
        @Parameter(schema = @Schema(format = "uuid"))
        String householdId;

        @QueryParam("status")
        @Parameter(schema = @Schema(implementation = ClearanceStatus.class))
        String status;
    }

    private final Clearances clearances;
    private final MonitoringQueries queries;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public RiskClearanceResource(Clearances clearances, MonitoringQueries queries, IdempotentRequests idempotency, Caller caller) {
        this.clearances = clearances;
        this.queries = queries;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER })
    @Operation(summary = "Propose clearing a household's risk (風險消除)",
            description = "For a MONITORED household (409 not-monitored) without an open alert (409 alert-open) or a waiting "
                    + "clearance (409 clearance-open), whose assessments show income per person above the warning line and every "
                    + "guarantee holding for the last fupin.monitoring.stable-months months (6): the assessment in force at the start "
                    + "of the period and every one since (422 risk-not-eliminated). Publishes risk-clearance.proposed. Accepts "
                    + "Idempotency-Key.")
    @APIResponseSchema(value = View.class, responseCode = "201", responseDescription = "The proposal, waiting for the township")
    public Response propose(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull MonitoringRequests.ClearanceProposal body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/risk-clearances", body, () -> {
            RiskClearanceEntity c = clearances.propose(body.householdId(), body.proposedOn(), body.reason().strip(), caller.scope(),
                    MonitoringRequests.actor(caller));
            return Response.created(URI.create("/api/v1/risk-clearances/" + c.id)).tag(String.valueOf(c.version)).entity(View.of(c))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "List risk clearances", description = "Of households in the caller's region, in the order proposed.")
    public Page<View> list(@BeanParam Filter filter, @BeanParam PageParams page) {
        return queries.clearances(QueryParams.region("region", filter.region), QueryParams.uuid("householdId", filter.householdId),
                QueryParams.enumValue(ClearanceStatus.class, "status", filter.status), caller.scope(), page.request()).map(View::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "Read a risk clearance")
    @APIResponseSchema(value = View.class, responseCode = "200", responseDescription = "The clearance")
    public Response get(@PathParam("id") UUID id) {
        RiskClearanceEntity c = queries.clearance(id, caller.scope());
        return Response.ok(View.of(c)).tag(String.valueOf(c.version)).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TOWNSHIP_OFFICER, Roles.COUNTY_ADMIN })
    @Operation(summary = "Decide on a risk clearance",
            description = "By someone other than the proposer (403 same-person): APPROVE ends the monitoring from decidedOn (the "
                    + "household is EXITED again if it had exited, else NOT_POOR); REJECT needs a reason. 409 clearance-decided. "
                    + "Publishes risk-clearance.decided and household.status-changed. If-Match optional.")
    @APIResponseSchema(value = View.class, responseCode = "200", responseDescription = "The clearance after the decision")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MonitoringRequests.ClearanceDecision body) {
        boolean approves = body.decision() == MonitoringRequests.ClearanceVerdict.APPROVE;
        RiskClearanceEntity c = clearances.decide(id, approves, body.decidedOn(), body.reason() == null ? null : body.reason().strip(),
                ETags.expectedIfGiven(ifMatch), caller.scope(), MonitoringRequests.actor(caller));
        return Response.ok(View.of(c)).tag(String.valueOf(c.version)).build();
    }
}
