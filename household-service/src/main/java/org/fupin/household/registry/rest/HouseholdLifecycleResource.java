package org.fupin.household.registry.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdAssessments;
import org.fupin.household.registry.service.HouseholdTransitions;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.security.Roles;

/** Assessments and the monitoring transitions of a household; its decisions are taken through cases. */
@Path("/api/v1/households/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Households")
public class HouseholdLifecycleResource {

    private final HouseholdAssessments assessments;
    private final HouseholdTransitions transitions;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public HouseholdLifecycleResource(HouseholdAssessments assessments, HouseholdTransitions transitions,
            IdempotentRequests idempotency, Caller caller) {
        this.assessments = assessments;
        this.transitions = transitions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Record an assessment (兩不愁三保障)",
            description = "The answer adds meetsAllGuarantees and the failing dimensions. The newest assessment sets the household's income.")
    @APIResponseSchema(value = AssessmentView.class, responseCode = "201", responseDescription = "The assessment with its verdict")
    public Response assess(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull AssessmentRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/households/" + id + "/assessments", body, () -> {
            HouseholdAssessments.Recorded recorded = assessments.record(id, body.toDomain(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/households/" + id + "/assessments/" + recorded.assessment().id))
                    .entity(AssessmentView.of(recorded))
                    .build();
        });
    }

    @GET
    @Path("/assessments")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List the assessments of a household, oldest first")
    public List<AssessmentView> assessments(@PathParam("id") UUID id) {
        return assessments.of(id, caller.scope()).stream().map(AssessmentView::of).toList();
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Start or end the monitoring of a household (防返貧監測)",
            description = "FLAG_RISK (EXITED → MONITORED, with a riskType) and CLEAR_RISK (MONITORED → EXITED, or NOT_POOR for a "
                    + "marginal household that was never poor). Needs If-Match. Decisions go through cases (兩公示一公告): "
                    + "identification, exit, return to poverty and removal are proposed with POST /api/v1/cases and change the "
                    + "status when the county approves, on the announcement's date. PROPOSE_EXIT, CONFIRM_EXIT and OBJECT are "
                    + "replaced by an EXIT case (its verification, acknowledgement, appraisal, village notice with objections, "
                    + "township review and county approval), RETURN_TO_POVERTY by a RETURN case, REMOVE by a REMOVE case; sent "
                    + "here they answer 422 decided-by-case and change nothing.")
    @APIResponseSchema(value = HouseholdView.class, responseCode = "200", responseDescription = "The household in its new status")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest body) {
        HouseholdEntity household = transitions.apply(id, body.toCommand(), ETags.expected(ifMatch), caller.scope(), caller.actor());
        return Response.ok(HouseholdMapper.view(household, caller.fieldAccess()))
                .tag(String.valueOf(household.version))
                .build();
    }
}
