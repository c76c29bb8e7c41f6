package org.fupin.assistance.pairing.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.listing.Csv;
import org.fupin.assistance.pairing.persistence.PairingEntity;
import org.fupin.assistance.pairing.service.PairingSearch;
import org.fupin.assistance.pairing.service.Pairings;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.platform.security.RegionFilter;
import org.fupin.security.RegionScope;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** Pairings (結對幫扶): helpers with households, units and groups with villages. */
@Path("/api/v1/pairings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pairings", description = "Who helps which household or village (結對幫扶)")
public class PairingResource {

    private static final Csv<PairingView> CSV = Csv.of(PairingView.class)
            .column("id", PairingView::id).column("kind", PairingView::kind).column("helperId", PairingView::helperId)
            .column("unitId", PairingView::unitId).column("groupId", PairingView::groupId)
            .column("householdId", PairingView::householdId).column("villageCode", PairingView::villageCode)
            .column("startDate", PairingView::startDate).column("endDate", PairingView::endDate)
            .column("endReason", PairingView::endReason).column("replacesPairingId", PairingView::replacesPairingId)
            .column("replacementPairingId", PairingView::replacementPairingId);

    private final Pairings pairings;
    private final PairingSearch search;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public PairingResource(Pairings pairings, PairingSearch search, IdempotentRequests idempotency, Caller caller) {
        this.pairings = pairings;
        this.search = search;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Start a pairing (結對幫扶)",
            description = "A household has at most one active helper (409 household-already-paired); a helper's active households "
                    + "never exceed maxHouseholds (422 helper-capacity-exceeded); an unknown household answers 422 "
                    + "unknown-household (one registered moments ago may not have arrived yet), a REMOVED one 422 "
                    + "household-removed; a unit or group is paired with a village once at a time (409 already-paired). "
                    + "Publishes pairing.started. Accepts Idempotency-Key.")
    @APIResponseSchema(value = PairingView.class, responseCode = "201", responseDescription = "The pairing, started")
    public Response start(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull PairingRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/pairings", body, () -> {
            PairingEntity pairing = pairings.start(body.toCommand(), caller.scope(), caller.actor());
            return Response.created(URI.create("/api/v1/pairings/" + pairing.id))
                    .tag(String.valueOf(pairing.version))
                    .entity(PairingView.of(pairing))
                    .build();
        });
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "End a pairing, or hand it over to another helper",
            description = "脫貧不脫鉤: a helper pairing of a household that is neither REMOVED nor NOT_POOR ends only with "
                    + "replacementHelperId (else 422 pairing-required); the old pairing then ends (REPLACED) and the new one "
                    + "starts on endDate, in one step. Publishes pairing.ended (and pairing.started with replacesPairingId). "
                    + "Needs If-Match with the pairing's ETag.")
    @APIResponseSchema(value = PairingView.class, responseCode = "200", responseDescription = "The pairing, ended")
    public Response end(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EndRequest body) {
        PairingEntity pairing = pairings.end(id, body.toCommand(), ETags.expected(ifMatch), caller.scope(), caller.actor());
        return Response.ok(PairingView.of(pairing)).tag(String.valueOf(pairing.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List pairings, active and ended",
            description = "Only pairings of villages and households in the caller's region, in the order they started. "
                    + "With Accept: text/csv the whole list streams as CSV.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<PairingView> list(@BeanParam PairingFilter filter, @BeanParam PageParams page) {
        return search.page(filter.criteria(), caller.scope(), page.request()).map(PairingView::of);
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam PairingFilter filter) {
        PairingSearch.Criteria criteria = filter.criteria();
        RegionScope scope = caller.scope();
        // Before the stream starts: a region outside the caller's answers 404, not a broken CSV.
        RegionFilter.within(scope, criteria.region());
        return CSV.response("pairings.csv", sink -> search.each(criteria, scope, p -> sink.accept(PairingView.of(p))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a pairing")
    @APIResponseSchema(value = PairingView.class, responseCode = "200", responseDescription = "The pairing")
    public Response get(@PathParam("id") UUID id) {
        PairingEntity pairing = search.get(id, caller.scope());
        return Response.ok(PairingView.of(pairing)).tag(String.valueOf(pairing.version)).build();
    }

}
