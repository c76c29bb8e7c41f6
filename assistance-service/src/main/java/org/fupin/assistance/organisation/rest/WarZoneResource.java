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
import org.fupin.assistance.organisation.persistence.WarZoneEntity;
import org.fupin.assistance.organisation.service.WarZones;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** War zones (戰區): townships put under one leader for the campaign. */
@Path("/api/v1/war-zones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "War zones", description = "Townships under one leader (戰區)")
public class WarZoneResource {

    private static final Csv<WarZoneView> CSV = Csv.of(WarZoneView.class)
            .column("id", WarZoneView::id).column("name", WarZoneView::name).column("leaderId", WarZoneView::leaderId)
            .column("townshipCodes", zone -> String.join("|", zone.townshipCodes()));

    private final WarZones zones;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public WarZoneResource(WarZones zones, IdempotentRequests idempotency, Caller caller) {
        this.zones = zones;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Define a war zone (戰區)",
            description = "Each township exists in the caller's region (else 422 unknown-township) and is listed once; the leader "
                    + "is a helper (else 422 unknown-helper). Publishes war-zone.defined. Accepts Idempotency-Key.")
    @APIResponseSchema(value = WarZoneView.class, responseCode = "201", responseDescription = "The war zone, defined")
    public Response define(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull WarZoneRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/war-zones", body, () -> {
            WarZoneEntity zone = zones.define(body.name(), body.leaderId(), body.townshipCodes(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/war-zones/" + zone.id))
                    .tag(String.valueOf(zone.version))
                    .entity(WarZoneView.of(zone))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List war zones", description = "Zones sharing a township with the caller's region, in the order they "
            + "were defined. With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<WarZoneView> list(@BeanParam PageParams page) {
        return zones.page(caller.scope(), page.request()).map(WarZoneView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv() {
        RegionScope scope = caller.scope();
        return CSV.response("war-zones.csv", sink -> zones.each(scope, zone -> sink.accept(WarZoneView.of(zone))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a war zone")
    @APIResponseSchema(value = WarZoneView.class, responseCode = "200", responseDescription = "The war zone")
    public Response get(@PathParam("id") UUID id) {
        WarZoneEntity zone = zones.get(id, caller.scope());
        return Response.ok(WarZoneView.of(zone)).tag(String.valueOf(zone.version)).build();
    }
}
