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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.listing.Csv;
import org.fupin.assistance.organisation.service.Helpers;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.fupin.platform.web.ETags;
import org.fupin.platform.web.MergePatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/**
 * Helpers (幫扶責任人): cadres, teachers, doctors, enterprise staff and volunteers. Helpers are not
 * users of this version; officers and cadres record their visits on their behalf.
 */
@Path("/api/v1/helpers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Helpers", description = "People who help households (幫扶責任人)")
public class HelperResource {

    private static final Csv<HelperView> CSV = Csv.of(HelperView.class)
            .column("id", HelperView::id).column("name", HelperView::name).column("phone", HelperView::phone)
            .column("unitId", HelperView::unitId).column("kind", HelperView::kind)
            .column("maxHouseholds", HelperView::maxHouseholds).column("activeHouseholds", HelperView::activeHouseholds);

    private final Helpers helpers;
    private final IdempotentRequests idempotency;
    private final ObjectMapper json;
    private final Caller caller;

    public HelperResource(Helpers helpers, IdempotentRequests idempotency, ObjectMapper json, Caller caller) {
        this.helpers = helpers;
        this.idempotency = idempotency;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Register a helper (幫扶責任人)",
            description = "unitId names a unit of the caller's region or below (else 422 unknown-unit); the helper belongs to "
                    + "its region. maxHouseholds 1..100, default 5. Publishes helper.registered without name or phone. "
                    + "Accepts Idempotency-Key.")
    @APIResponseSchema(value = HelperView.class, responseCode = "201", responseDescription = "The helper, registered")
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull HelperRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/helpers", body, () -> {
            Helpers.Row helper = helpers.register(body.toDomain(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/helpers/" + helper.id()))
                    .tag(String.valueOf(helper.version()))
                    .entity(HelperView.of(helper))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List helpers", description = "Helpers of the caller's region and below it, and of the regions "
            + "above it on the caller's line, in the order they were registered. available=true lists helpers "
            + "with a free place. With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<HelperView> list(@BeanParam HelperFilter filter, @BeanParam PageParams page) {
        return helpers.page(filter.criteria(), caller.scope(), page.request()).map(HelperView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam HelperFilter filter) {
        Helpers.Criteria criteria = filter.criteria();
        RegionScope scope = caller.scope();
        return CSV.response("helpers.csv", sink -> helpers.each(criteria, scope, row -> sink.accept(HelperView.of(row))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a helper with the number of households paired with them")
    @APIResponseSchema(value = HelperView.class, responseCode = "200", responseDescription = "The helper")
    public Response get(@PathParam("id") UUID id) {
        Helpers.Row helper = helpers.get(id, caller.scope());
        return Response.ok(HelperView.of(helper)).tag(String.valueOf(helper.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Change a helper (JSON merge patch)",
            description = "Patchable: name, phone, unitId, kind, maxHouseholds. Lowering maxHouseholds below the helper's "
                    + "active households answers 422 helper-capacity-exceeded. Needs If-Match. A change of unit, kind or "
                    + "capacity publishes helper.updated (name and phone never leave the service).")
    @APIResponseSchema(value = HelperView.class, responseCode = "200", responseDescription = "The helper after the change")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = HelperPatch.class)))
            @NotNull JsonNode body) {
        Helpers.Row helper = helpers.patch(id, MergePatch.of(body, Helpers.PATCHABLE, json), ETags.expected(ifMatch), caller.scope());
        return Response.ok(HelperView.of(helper)).tag(String.valueOf(helper.version())).build();
    }

}
