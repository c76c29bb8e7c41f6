package org.fupin.assistance.ledger.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.assistance.ledger.persistence.MeasureEntity;
import org.fupin.assistance.ledger.service.MeasureSearch;
import org.fupin.assistance.ledger.service.Measures;
import org.fupin.platform.listing.Csv;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.fupin.platform.web.ETags;
import org.fupin.platform.web.MergePatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** The ledger of assistance measures (幫扶措施): what each household and village received, from whom, for how much. */
@Path("/api/v1/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures", description = "The assistance ledger (幫扶措施), exact money")
public class MeasureResource {

    private static final Csv<MeasureView> CSV = Csv.of(MeasureView.class)
            .column("id", MeasureView::id).column("type", MeasureView::type).column("householdId", MeasureView::householdId)
            .column("villageCode", MeasureView::villageCode).column("providerKind", m -> m.provider().kind())
            .column("providerId", m -> m.provider().id()).column("amount", MeasureView::amount)
            .column("startedOn", MeasureView::startedOn).column("status", MeasureView::status)
            .column("confirmedOn", MeasureView::confirmedOn).column("description", MeasureView::description);

    private final Measures measures;
    private final MeasureSearch search;
    private final IdempotentRequests idempotency;
    private final ObjectMapper json;
    private final Caller caller;

    public MeasureResource(Measures measures, MeasureSearch search, IdempotentRequests idempotency, ObjectMapper json,
            Caller caller) {
        this.measures = measures;
        this.search = search;
        this.idempotency = idempotency;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Record an assistance measure",
            description = "For exactly one of householdId (422 unknown-household, household-removed) or villageCode (422 "
                    + "unknown-village); the provider exists (422 unknown-helper, unknown-unit, unknown-group). Publishes "
                    + "measure.recorded without the description. Accepts Idempotency-Key.")
    @APIResponseSchema(value = MeasureView.class, responseCode = "201", responseDescription = "The measure, recorded")
    public Response record(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull MeasureRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/measures", body, () -> {
            MeasureEntity measure = measures.record(body.toDomain(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/measures/" + measure.id))
                    .tag(String.valueOf(measure.version))
                    .entity(MeasureView.of(measure))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List measures",
            description = "Measures of villages and households in the caller's region, in the order they were recorded. "
                    + "With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<MeasureView> list(@BeanParam MeasureFilter filter, @BeanParam PageParams page) {
        return search.page(filter.criteria(), caller.scope(), page.request()).map(MeasureView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam MeasureFilter filter) {
        MeasureSearch.Criteria criteria = filter.criteria();
        RegionScope scope = caller.scope();
        // Before the stream starts: a region outside the caller's answers 404, not a broken CSV.
        RegionFilter.within(scope, criteria.region());
        return CSV.response("measures.csv", sink -> search.each(criteria, scope, m -> sink.accept(MeasureView.of(m))));
    }

    @GET
    @Path("/totals")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Count and sum measures by type",
            description = "Exact sums (NUMERIC in the database, two decimals) over the measures in the region, narrowed to "
                    + "the caller's; the list's filters apply too.")
    public MeasureTotalsView totals(@BeanParam MeasureFilter filter,
            @QueryParam("groupBy") @Parameter(description = "type (the only grouping, and the default)",
                    schema = @Schema(enumeration = "type")) String groupBy) {
        if (groupBy != null && !groupBy.isBlank() && !"type".equals(groupBy)) {
            throw QueryParams.invalid("groupBy", "Totals are grouped by type.");
        }
        return MeasureTotalsView.of(search.totals(filter.criteria(), caller.scope()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a measure")
    @APIResponseSchema(value = MeasureView.class, responseCode = "200", responseDescription = "The measure")
    public Response get(@PathParam("id") UUID id) {
        MeasureEntity measure = search.get(id, caller.scope());
        return Response.ok(MeasureView.of(measure)).tag(String.valueOf(measure.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Change a measure (JSON merge patch)",
            description = "Patchable: status (forward only, else 409 illegal-status-change), amount (not once the household "
                    + "confirmed it: 422 amount-confirmed), description. Publishes measure.updated. Needs If-Match.")
    @APIResponseSchema(value = MeasureView.class, responseCode = "200", responseDescription = "The measure after the change")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = MeasurePatch.class)))
            @NotNull JsonNode body) {
        MeasureEntity measure = measures.patch(id, MergePatch.of(body, Measures.PATCHABLE, json), ETags.expected(ifMatch), caller.scope());
        return Response.ok(MeasureView.of(measure)).tag(String.valueOf(measure.version)).build();
    }

    @POST
    @Path("/{id}/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Record that the household received the measure",
            description = "Once (409 already-confirmed), for household measures only (422 not-a-household-measure) that have "
                    + "started (422 measure-not-started). No If-Match: a confirmation cannot overwrite anything. "
                    + "Publishes measure.confirmed. Accepts Idempotency-Key.")
    @APIResponseSchema(value = MeasureView.class, responseCode = "201", responseDescription = "The measure, confirmed by the household")
    public Response confirm(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid ConfirmationRequest body) {
        ConfirmationRequest request = body == null ? new ConfirmationRequest(null) : body;
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/measures/" + id + "/confirmations", request, () -> {
            MeasureEntity measure = measures.confirm(id, request.confirmedOn(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/measures/" + measure.id))
                    .tag(String.valueOf(measure.version))
                    .entity(MeasureView.of(measure))
                    .build();
        });
    }
}
