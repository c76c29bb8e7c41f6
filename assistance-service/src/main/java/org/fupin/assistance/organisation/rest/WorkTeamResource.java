package org.fupin.assistance.organisation.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.listing.Csv;
import org.fupin.assistance.organisation.persistence.WorkTeamEntity;
import org.fupin.assistance.organisation.service.WorkTeams;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** Resident village work teams (駐村工作隊), each led by a first secretary (第一書記). */
@Path("/api/v1/work-teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work teams", description = "Resident village work teams (駐村工作隊)")
public class WorkTeamResource {

    private static final Csv<WorkTeamView> CSV = Csv.of(WorkTeamView.class)
            .column("id", WorkTeamView::id).column("villageCode", WorkTeamView::villageCode)
            .column("leaderId", WorkTeamView::leaderId)
            .column("memberIds", team -> String.join("|", team.memberIds().stream().map(UUID::toString).toList()))
            .column("startDate", WorkTeamView::startDate);

    private final WorkTeams teams;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public WorkTeamResource(WorkTeams teams, IdempotentRequests idempotency, Caller caller) {
        this.teams = teams;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Assign a resident work team to a village (駐村工作隊)",
            description = "The village exists in the caller's region (else 422 unknown-village); leader and members are helpers "
                    + "(else 422 unknown-helper), each once. Publishes work-team.assigned. Accepts Idempotency-Key.")
    @APIResponseSchema(value = WorkTeamView.class, responseCode = "201", responseDescription = "The work team, assigned")
    public Response assign(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull WorkTeamRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/work-teams", body, () -> {
            WorkTeamEntity team = teams.assign(body.toDomain(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/work-teams/" + team.id))
                    .tag(String.valueOf(team.version))
                    .entity(WorkTeamView.of(team))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List work teams", description = "Teams of villages in the caller's region, in the order they were "
            + "assigned. With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<WorkTeamView> list(@BeanParam WorkTeamFilter filter, @BeanParam PageParams page) {
        return teams.page(filter.region(), caller.scope(), page.request())
                .map(WorkTeamView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam WorkTeamFilter filter) {
        String requested = filter.region();
        RegionScope scope = caller.scope();
        // Before the stream starts: a region outside the caller's answers 404, not a broken CSV.
        RegionFilter.within(scope, requested);
        return CSV.response("work-teams.csv", sink -> teams.each(requested, scope, team -> sink.accept(WorkTeamView.of(team))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a work team")
    @APIResponseSchema(value = WorkTeamView.class, responseCode = "200", responseDescription = "The work team")
    public Response get(@PathParam("id") UUID id) {
        WorkTeamEntity team = teams.get(id, caller.scope());
        return Response.ok(WorkTeamView.of(team)).tag(String.valueOf(team.version)).build();
    }
}
