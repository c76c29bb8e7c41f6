package org.fupin.household.cases.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.cases.service.CaseQueries;
import org.fupin.household.cases.service.Cases;
import org.fupin.household.cases.service.Proposal;
import org.fupin.household.config.RegistryConfig;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.security.Roles;

/** Cases (兩公示一公告): opening one, reading them, a case's timeline, and withdrawing one. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Identification, exit, return and removal as staged decisions (兩公示一公告)")
public class CaseResource {

    private final Cases cases;
    private final CaseQueries queries;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final RegistryConfig registry;

    public CaseResource(Cases cases, CaseQueries queries, IdempotentRequests idempotency, Caller caller, RegistryConfig registry) {
        this.cases = cases;
        this.queries = queries;
        this.idempotency = idempotency;
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER })
    @Operation(summary = "Propose a case (申請)",
            description = "The household through a village cadre, or the work team, proposes identification, exit, return or "
                    + "removal. EXIT rests on the latest assessment within 90 days meeting every guarantee and the year's poverty "
                    + "line (422 exit-criteria-not-met); IDENTIFY on one showing a failing guarantee or income under the line "
                    + "(422 identification-criteria-not-met); a status the case cannot change answers 409 case-not-applicable, a "
                    + "second open case of the kind 409 case-already-open. This replaces PROPOSE_EXIT: the exit is decided by "
                    + "the county's approval at the end of the case. Publishes case.opened. Accepts Idempotency-Key.")
    @APIResponseSchema(value = CaseView.class, responseCode = "201", responseDescription = "The case, waiting for verification")
    public Response open(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CaseRequests.Proposal body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/cases", body, () -> {
            CaseEntity c = cases.open(new Proposal(body.householdId(), body.kind(), body.proposedOn(), body.reason().strip()),
                    caller.scope(), CaseActors.of(caller));
            return Response.created(URI.create("/api/v1/cases/" + c.id)).tag(String.valueOf(c.version))
                    .entity(CaseView.of(c, today())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.INTEGRATOR,
            Roles.AUDITOR })
    @Operation(summary = "List cases", description = "Cases of households in the caller's region, in the order they were opened.")
    public Page<CaseView> list(@BeanParam CaseFilter filter, @BeanParam PageParams page) {
        LocalDate today = today();
        return queries.page(filter.filter(), caller.scope(), page.request()).map(c -> CaseView.of(c, today));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.INTEGRATOR,
            Roles.AUDITOR })
    @Operation(summary = "Read a case")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case")
    public Response get(@PathParam("id") UUID id) {
        CaseEntity c = queries.get(id, caller.scope());
        return Response.ok(CaseView.of(c, today())).tag(String.valueOf(c.version)).build();
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "A case's timeline",
            description = "Every step (who, in which role, on which day, result, reason, evidence), objection and finding, oldest first.")
    public List<TimelineEntryView> timeline(@PathParam("id") UUID id) {
        return queries.timeline(id, caller.scope()).stream().map(TimelineEntryView::of).toList();
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VILLAGE_CADRE, Roles.TOWNSHIP_OFFICER, Roles.COUNTY_ADMIN })
    @Operation(summary = "Withdraw a case",
            description = "Before a decision, with a reason (for instance the appraisal voted against it). The household stays as it "
                    + "is. Publishes case.decided (WITHDRAWN). Needs If-Match.")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case, withdrawn")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Withdrawal body) {
        CaseEntity c = cases.withdraw(id, body.reason().strip(), ETags.expected(ifMatch), caller.scope(), CaseActors.of(caller));
        return Response.ok(CaseView.of(c, today())).tag(String.valueOf(c.version)).build();
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
