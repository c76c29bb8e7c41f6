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
import org.fupin.assistance.organisation.persistence.UnitEntity;
import org.fupin.assistance.organisation.service.Units;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** Units (幫扶單位): departments, township governments, enterprises, schools, hospitals and social organisations. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Organisations that help (幫扶單位)")
public class UnitResource {

    private static final Csv<UnitView> CSV = Csv.of(UnitView.class)
            .column("id", UnitView::id).column("name", UnitView::name).column("type", UnitView::type)
            .column("groupId", UnitView::groupId);

    private final Units units;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public UnitResource(Units units, IdempotentRequests idempotency, Caller caller) {
        this.units = units;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Register a unit (幫扶單位)",
            description = "groupId, if given, names an assistance group the caller reaches (else 422 unknown-group); regionCode, "
                    + "default the caller's region, lies within it (else 422 unknown-region). Publishes unit.registered. "
                    + "Accepts Idempotency-Key.")
    @APIResponseSchema(value = UnitView.class, responseCode = "201", responseDescription = "The unit, registered")
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull UnitRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/units", body, () -> {
            UnitEntity unit = units.register(body.name(), body.type(), body.groupId(), body.regionCode(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/units/" + unit.id))
                    .tag(String.valueOf(unit.version))
                    .entity(UnitView.of(unit))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List units",
            description = "Units of the caller's region and below it, and of the regions above it on the caller's line, in the "
                    + "order they were registered. With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<UnitView> list(@BeanParam UnitFilter filter, @BeanParam PageParams page) {
        return units.page(filter.criteria(), caller.scope(), page.request()).map(UnitView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam UnitFilter filter) {
        Units.Criteria criteria = filter.criteria();
        RegionScope scope = caller.scope();
        return CSV.response("units.csv", sink -> units.each(criteria, scope, unit -> sink.accept(UnitView.of(unit))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a unit")
    @APIResponseSchema(value = UnitView.class, responseCode = "200", responseDescription = "The unit")
    public Response get(@PathParam("id") UUID id) {
        UnitEntity unit = units.get(id, caller.scope());
        return Response.ok(UnitView.of(unit)).tag(String.valueOf(unit.version)).build();
    }

}
