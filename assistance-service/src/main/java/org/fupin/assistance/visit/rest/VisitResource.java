package org.fupin.assistance.visit.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.listing.Csv;
import org.fupin.assistance.visit.service.VisitBatch;
import org.fupin.assistance.visit.service.VisitSearch;
import org.fupin.assistance.visit.service.Visits;
import org.fupin.platform.batch.BatchItems;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.fupin.problem.Language;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/**
 * Visits of helpers to their households (走訪). Helpers are not users of this version: village
 * cadres, township and assistance officers and county admins record visits on the helper's behalf.
 */
@Path("/api/v1/visits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Visits", description = "Helpers' visits to households (走訪), also synced in batches after working offline")
public class VisitResource {

    private static final Csv<VisitView> CSV = Csv.of(VisitView.class)
            .column("id", VisitView::id).column("helperId", VisitView::helperId).column("householdId", VisitView::householdId)
            .column("villageCode", VisitView::villageCode).column("visitedAt", VisitView::visitedAt)
            .column("riskObserved", VisitView::riskObserved).column("notes", VisitView::notes)
            .column("recordedAt", VisitView::recordedAt);

    /** A visit never changes once recorded: its ETag is the same forever. */
    private static final String IMMUTABLE = "0";

    private final Visits visits;
    private final VisitBatch batch;
    private final VisitSearch search;
    private final ObjectMapper json;
    private final Caller caller;

    public VisitResource(Visits visits, VisitBatch batch, VisitSearch search, ObjectMapper json, Caller caller) {
        this.visits = visits;
        this.batch = batch;
        this.search = search;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Record a visit",
            description = "Idempotent on the client's id: a new visit answers 201; the same visit again answers 200 with the "
                    + "stored visit and Idempotent-Replayed: true; other content under a used id 409 visit-id-conflict. The "
                    + "helper must have been paired with the household on that day (else 422 not-paired). Publishes "
                    + "visit.recorded without the notes.")
    @APIResponseSchema(value = VisitView.class, responseCode = "201", responseDescription = "The visit, recorded (200 with Idempotent-Replayed when the id was recorded before)")
    public Response record(@Valid @NotNull VisitRequest body) {
        Visits.Recorded recorded = visits.record(body.toDomain(), caller.scope(), caller.actor());
        if (recorded.outcome() == Visits.Outcome.DUPLICATE) {
            return Response.ok(VisitView.of(recorded.visit())).tag(IMMUTABLE).header(IdempotentRequests.REPLAYED, "true").build();
        }
        return Response.created(URI.create("/api/v1/visits/" + recorded.visit().id)).tag(IMMUTABLE)
                .entity(VisitView.of(recorded.visit())).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Record up to 500 visits at once (offline sync)",
            description = "Answers 200 with one result per item in request order: ACCEPTED, DUPLICATE (its id was stored "
                    + "before, by an earlier request or earlier in this batch, with the same content) or REJECTED with the "
                    + "code a single POST would answer (not-paired, unknown-household, validation-failed, visit-id-conflict...). "
                    + "Each item is recorded on its own: a rejected item changes nothing else. More than 500 items: "
                    + "413 batch-too-large.")
    public VisitBatchResponse recordBatch(@NotNull VisitBatchRequest body, @Context HttpHeaders headers) {
        Language language = Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return new VisitBatchResponse(batch.record(body.visits(), BatchItems::idOf,
                item -> BatchItems.read(item, VisitRequest.class, json, "A visit").toDomain(),
                caller.scope(), caller.actor()).stream().map(result -> VisitResult.of(result, language)).toList());
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List visits",
            description = "Visits of households in the caller's region, in the order they were recorded. from and to are "
                    + "days (both included). With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<VisitView> list(@BeanParam VisitFilter filter, @BeanParam PageParams page) {
        return search.page(filter.criteria(), caller.scope(), page.request()).map(VisitView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam VisitFilter filter) {
        VisitSearch.Criteria criteria = filter.criteria();
        RegionScope scope = caller.scope();
        // Before the stream starts: a region outside the caller's answers 404, not a broken CSV.
        RegionFilter.within(scope, criteria.region());
        return CSV.response("visits.csv", sink -> search.each(criteria, scope, visit -> sink.accept(VisitView.of(visit))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a visit")
    @APIResponseSchema(value = VisitView.class, responseCode = "200", responseDescription = "The visit")
    public Response get(@PathParam("id") UUID id) {
        return Response.ok(VisitView.of(search.get(id, caller.scope()))).tag(IMMUTABLE).build();
    }

}
