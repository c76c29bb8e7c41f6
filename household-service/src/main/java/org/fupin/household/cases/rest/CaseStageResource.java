package org.fupin.household.cases.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.cases.service.CaseSteps;
import org.fupin.household.config.RegistryConfig;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.security.Roles;

/**
 * The stages people do, one operation each. Every one needs If-Match with the case's ETag and is
 * refused with 409 stage-not-open unless the case waits at it, 409 objection-pending while an
 * objection waits for its finding, 409 case-closed once it ended, and 403 same-person where four eyes
 * apply.
 */
@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseStageResource {

    private final CaseSteps steps;
    private final Caller caller;
    private final RegistryConfig registry;

    public CaseStageResource(CaseSteps steps, Caller caller, RegistryConfig registry) {
        this.steps = steps;
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @Path("/verification")
    @RolesAllowed({ Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Verify a case by a visit (入戶核實)",
            description = "By a village cadre or a work-team member other than the proposer (403 same-person). agrees: false stops "
                    + "the case. Publishes case.stage-completed.")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case after the step")
    public Response verify(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Verification body) {
        return answer(steps.verify(id, body.toStep(), ETags.expected(ifMatch), caller.scope(), CaseActors.of(caller)));
    }

    @POST
    @Path("/acknowledgement")
    @RolesAllowed(Roles.VILLAGE_CADRE)
    @Operation(summary = "Record the household's acknowledgement of its exit (貧困戶認可)",
            description = "EXIT cases only. The household's signed yes moves the case to the appraisal; a no (with its reason) stops it.")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case after the step")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Acknowledgement body) {
        return answer(steps.acknowledge(id, body.toStep(), ETags.expected(ifMatch), caller.scope(), CaseActors.of(caller)));
    }

    @POST
    @Path("/appraisal")
    @RolesAllowed(Roles.VILLAGE_CADRE)
    @Operation(summary = "Record the village's democratic appraisal (民主評議)",
            description = "More than half of those present must vote for (422 majority-not-reached; withdraw the case if the meeting "
                    + "decided against it). The village public notice (村公示) starts on noticeStartsOn (default today) and runs "
                    + "for the configured days (7 by default); objections are taken until the day before it ends.")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case, under village notice")
    public Response appraise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Appraisal body) {
        return answer(steps.appraise(id, body.toStep(), ETags.expected(ifMatch), caller.scope(), CaseActors.of(caller)));
    }

    @POST
    @Path("/township-review")
    @RolesAllowed(Roles.TOWNSHIP_OFFICER)
    @Operation(summary = "Review a case at the township (鄉鎮審核)",
            description = "Once the village notice is over (422 notice-not-over) and no objection waits (409 objection-pending). "
                    + "APPROVE moves an IDENTIFY case to the township notice (鄉鎮公示), the others to the county; SEND_BACK (with a "
                    + "reason) returns the case to verification.")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case after the review")
    public Response review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.TownshipReview body) {
        return answer(steps.review(id, new CaseSteps.Decision(body.decision() == CaseRequests.ReviewDecision.APPROVE,
                body.reviewedOn(), strip(body.reason())), ETags.expected(ifMatch), caller.scope(), CaseActors.of(caller)));
    }

    @POST
    @Path("/county-decision")
    @RolesAllowed(Roles.COUNTY_ADMIN)
    @Operation(summary = "Approve and announce, or reject, a case (縣審定公告)",
            description = "APPROVE changes the household's status with announcedOn as the effective date (IDENTIFY → POOR, "
                    + "EXIT → EXITED, RETURN → RETURNED, REMOVE → REMOVED) and publishes household.status-changed with the caseId; "
                    + "REJECT needs a reason. This replaces CONFIRM_EXIT. Publishes case.decided.")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case, decided")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.CountyDecision body) {
        return answer(steps.decide(id, new CaseSteps.Decision(body.decision() == CaseRequests.CountyVerdict.APPROVE,
                body.announcedOn(), strip(body.reason())), ETags.expected(ifMatch), caller.scope(), CaseActors.of(caller)));
    }

    private Response answer(CaseEntity c) {
        return Response.ok(CaseView.of(c, LocalDate.now(registry.zone()))).tag(String.valueOf(c.version)).build();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
