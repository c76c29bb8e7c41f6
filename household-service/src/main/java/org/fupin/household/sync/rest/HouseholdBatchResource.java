package org.fupin.household.sync.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.cases.rest.CaseActors;
import org.fupin.household.cases.rest.CaseView;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.registry.rest.HouseholdMapper;
import org.fupin.household.registry.rest.HouseholdView;
import org.fupin.household.sync.service.BatchItem;
import org.fupin.household.sync.service.HouseholdBatch;
import org.fupin.platform.batch.BatchItems;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.security.Caller;
import org.fupin.problem.Language;
import org.fupin.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The writes an app made offline, sent in one batch when it is back online. */
@Path("/api/v1/households/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offline sync")
public class HouseholdBatchResource {

    private final HouseholdBatch batch;
    private final Caller caller;
    private final ObjectMapper json;
    private final Validator validator;
    private final AccessLog accessLog;
    private final RegistryConfig registry;

    public HouseholdBatchResource(HouseholdBatch batch, Caller caller, ObjectMapper json, Validator validator, AccessLog accessLog,
            RegistryConfig registry) {
        this.batch = batch;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
        this.accessLog = accessLog;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Send what was written offline (up to 500 items)",
            description = "Each item is applied on its own, in request order, and answered on its own: ACCEPTED, DUPLICATE (its "
                    + "id was written before with the same content, here or in an earlier batch), CONFLICT (the household or case "
                    + "changed since the version the app saw: nothing was written; the answer carries it as it is now, for the "
                    + "user to look at and send again under a new id) or REJECTED with the code a single request would get "
                    + "(validation-failed, not-found, forbidden for a kind the caller's role may not write, same-person, "
                    + "stage-not-open, client-id-conflict for another item under a used id...). Never all or nothing. More than "
                    + "500 items: 413 batch-too-large. Kinds: ASSESSMENT (as POST /households/{id}/assessments), and the case "
                    + "steps done in the village: VERIFICATION, ACKNOWLEDGEMENT and APPRAISAL (as POST /cases/{id}/...). Each "
                    + "accepted step publishes its event as the single request does.")
    public HouseholdBatchResponse apply(@NotNull HouseholdBatchRequest body, @Context HttpHeaders headers) {
        Language language = Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        FieldAccess access = caller.fieldAccess();
        LocalDate today = LocalDate.now(registry.zone());
        List<HouseholdBatch.ItemResult<HouseholdView, CaseView>> results = batch.apply(body.items(), BatchItems::idOf, this::read,
                caller.scope(), CaseActors.of(caller), new HouseholdBatch.Viewers<>(
                        household -> HouseholdMapper.view(household, access), c -> CaseView.of(c, today)));
        accessLog.record(caller, AccessKind.RECORD, results.stream().filter(result -> result.currentHousehold() != null)
                .map(result -> result.currentHousehold().id()).toList());
        return new HouseholdBatchResponse(results.stream().map(result -> BatchResultView.of(result, language)).toList());
    }

    private BatchItem read(JsonNode item) {
        return BatchItems.readValid(item, BatchItemRequest.class, json, "An item", validator).toDomain(BatchItems.digest(item, json));
    }
}
