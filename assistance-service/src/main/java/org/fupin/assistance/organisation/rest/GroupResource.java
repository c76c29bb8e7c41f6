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
import org.fupin.assistance.organisation.persistence.GroupEntity;
import org.fupin.assistance.organisation.service.Groups;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** Assistance groups (幫扶集團): enterprises and departments grouped to help poor villages together. */
@Path("/api/v1/assistance-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistance groups", description = "Groups of units (幫扶集團) paired with villages")
public class GroupResource {

    private static final Csv<GroupView> CSV = Csv.of(GroupView.class)
            .column("id", GroupView::id).column("name", GroupView::name).column("createdAt", GroupView::createdAt);

    private final Groups groups;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public GroupResource(Groups groups, IdempotentRequests idempotency, Caller caller) {
        this.groups = groups;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Create an assistance group (幫扶集團)", description = "regionCode, default the caller's region, lies "
            + "within it (else 422 unknown-region). Publishes group.created. Accepts Idempotency-Key.")
    @APIResponseSchema(value = GroupView.class, responseCode = "201", responseDescription = "The assistance group, created")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull GroupRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/assistance-groups", body, () -> {
            GroupEntity group = groups.create(body.name(), body.regionCode(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/assistance-groups/" + group.id))
                    .tag(String.valueOf(group.version))
                    .entity(GroupView.of(group))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List assistance groups",
            description = "Groups of the caller's region and below it, and of the regions above it on the caller's line, in the "
                    + "order they were created. With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<GroupView> list(@BeanParam PageParams page) {
        return groups.page(caller.scope(), page.request()).map(GroupView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv() {
        RegionScope scope = caller.scope();
        return CSV.response("assistance-groups.csv", sink -> groups.each(scope, group -> sink.accept(GroupView.of(group))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read an assistance group")
    @APIResponseSchema(value = GroupView.class, responseCode = "200", responseDescription = "The assistance group")
    public Response get(@PathParam("id") UUID id) {
        GroupEntity group = groups.get(id, caller.scope());
        return Response.ok(GroupView.of(group)).tag(String.valueOf(group.version)).build();
    }
}
