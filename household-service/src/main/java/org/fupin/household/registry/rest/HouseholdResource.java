package org.fupin.household.registry.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
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
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.accesslog.service.Reader;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdChanges;
import org.fupin.household.registry.service.HouseholdQueries;
import org.fupin.household.registry.service.HouseholdSearch;
import org.fupin.household.registry.service.HouseholdRegistration;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.listing.Csv;
import org.fupin.kernel.Refusal;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.fupin.platform.web.ETags;
import org.fupin.platform.web.MergePatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.fupin.platform.openapi.ProblemResponsesFilter;

/** Poor households (建檔立卡戶) and their members. */
@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Households", description = "Registered poor households (建檔立卡戶)")
public class HouseholdResource {

    private final HouseholdRegistration registration;
    private final HouseholdQueries queries;
    private final HouseholdChanges changes;
    private final HouseholdSearch search;
    private final IdempotentRequests idempotency;
    private final ObjectMapper json;
    private final Caller caller;
    private final AccessLog accessLog;

    public HouseholdResource(HouseholdRegistration registration, HouseholdQueries queries, HouseholdChanges changes,
            HouseholdSearch search, IdempotentRequests idempotency, ObjectMapper json, Caller caller, AccessLog accessLog) {
        this.registration = registration;
        this.queries = queries;
        this.changes = changes;
        this.search = search;
        this.idempotency = idempotency;
        this.json = json;
        this.caller = caller;
        this.accessLog = accessLog;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Find households",
            description = "q matches a member's name in simplified or traditional script (雲陽 finds 云阳), the household number, "
                    + "or an exact ID number. Only households in the caller's region are listed. With Accept: text/csv the whole "
                    + "result streams as CSV. Names and ID numbers are shown as the privacy policy allows the caller; every "
                    + "page and export is recorded in the access log.")
    @Extension(name = ProblemResponsesFilter.ALSO_PRODUCES, value = "text/csv")
    public Page<HouseholdSummary> list(@BeanParam HouseholdFilter filter, @BeanParam PageParams page) {
        FieldAccess access = caller.fieldAccess();
        Page<HouseholdSummary> found = search.page(filter.criteria(caller.scope(), access), page.request())
                .map(row -> HouseholdSummary.of(row, access));
        accessLog.record(caller, AccessKind.LIST, found.items().stream().map(HouseholdSummary::id).toList());
        return found;
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@BeanParam HouseholdFilter filter) {
        FieldAccess access = caller.fieldAccess();
        HouseholdSearch.Criteria criteria = filter.criteria(caller.scope(), access);
        Reader reader = accessLog.reader(caller);
        return HouseholdSummary.CSV.response("households.csv", sink -> {
            List<UUID> shown = new ArrayList<>();
            try {
                search.each(criteria, row -> {
                    shown.add(row.id());
                    sink.accept(HouseholdSummary.of(row, access));
                });
            } finally {
                // What was written is recorded even when the client went away halfway.
                accessLog.record(reader, AccessKind.EXPORT, shown);
            }
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Register a household (建檔立卡)",
            description = "Registers a household with its members. Gender and birth date are derived from the ID numbers. A person "
                    + "who may already be registered (the same name in either script or in pinyin with the same birth date or an ID "
                    + "number one digit apart or with two digits swapped) answers 409 possible-duplicate with the candidates; send "
                    + "again with duplicateConfirmation to register anyway.")
    @APIResponseSchema(value = HouseholdView.class, responseCode = "201", responseDescription = "The registered household")
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull HouseholdRequest body) {
        body.memberConfirming().ifPresent(member -> {
            throw Refusal.invalid("members[" + member + "].duplicateConfirmation", "confirmation-per-household",
                    "A registration confirms possible duplicates with the household's duplicateConfirmation, not a member's.");
        });
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/households", body, () -> {
            HouseholdEntity household = registration.register(body.toDomain(), caller.scope(), caller.actor(),
                    body.duplicateConfirmation(), caller.fieldAccess());
            return Response.created(URI.create("/api/v1/households/" + household.id))
                    .tag(String.valueOf(household.version))
                    .entity(HouseholdMapper.view(household, caller.fieldAccess()))
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a household with its members")
    @APIResponseSchema(value = HouseholdView.class, responseCode = "200", responseDescription = "The household with its members")
    public Response get(@PathParam("id") UUID id) {
        HouseholdEntity household = queries.get(id, caller.scope());
        HouseholdView view = HouseholdMapper.view(household, caller.fieldAccess());
        accessLog.record(caller, AccessKind.RECORD, List.of(household.id));
        return Response.ok(view)
                .tag(String.valueOf(household.version))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Change household facts (JSON merge patch)",
            description = "Patchable: villageCode, address, phone, category, causes, primaryCause, identifiedYear, "
                    + "annualIncomePerCapita. Status changes go through transitions, members through their endpoints. Needs If-Match.")
    @APIResponseSchema(value = HouseholdView.class, responseCode = "200", responseDescription = "The household after the change")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = HouseholdPatch.class)))
            @NotNull JsonNode body) {
        HouseholdEntity household = changes.patch(id, MergePatch.of(body, HouseholdChanges.PATCHABLE, json), ETags.expected(ifMatch),
                caller.scope(), caller.actor());
        return Response.ok(HouseholdMapper.view(household, caller.fieldAccess()))
                .tag(String.valueOf(household.version))
                .build();
    }
}
