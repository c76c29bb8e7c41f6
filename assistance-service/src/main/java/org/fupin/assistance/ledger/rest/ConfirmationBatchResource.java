package org.fupin.assistance.ledger.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.assistance.ledger.service.ConfirmationBatch;
import org.fupin.platform.batch.BatchItems;
import org.fupin.platform.security.Caller;
import org.fupin.problem.Language;
import org.fupin.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The confirmations of measures a cadre collected offline, sent in one batch. */
@Path("/api/v1/measures/confirmations/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures")
public class ConfirmationBatchResource {

    /** The answer to a batch: one result per item, in request order. */
    @Schema(name = "MeasureConfirmationBatchResponse")
    public record ConfirmationBatchResponse(List<ConfirmationResultView> results) {
    }

    private final ConfirmationBatch batch;
    private final Caller caller;
    private final ObjectMapper json;
    private final Validator validator;

    public ConfirmationBatchResource(ConfirmationBatch batch, Caller caller, ObjectMapper json, Validator validator) {
        this.batch = batch;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
    @Operation(summary = "Send confirmations collected offline (up to 500)",
            description = "Each item is applied on its own, in request order, and answered on its own: ACCEPTED, DUPLICATE, "
                    + "CONFLICT (the measure changed or was confirmed since the version the app saw; the answer carries it as "
                    + "it is now) or REJECTED with the code POST /measures/{id}/confirmations would answer. Never all or "
                    + "nothing. More than 500 items: 413 batch-too-large. Publishes measure.confirmed for each accepted item.")
    public ConfirmationBatchResponse confirm(@NotNull ConfirmationBatchRequest body, @Context HttpHeaders headers) {
        Language language = Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return new ConfirmationBatchResponse(batch.apply(body.items(), BatchItems::idOf, this::read, caller.scope(), caller.actor())
                .stream().map(result -> ConfirmationResultView.of(result, language)).toList());
    }

    private ConfirmationBatch.Item read(JsonNode item) {
        return BatchItems.readValid(item, ConfirmationBatchItem.class, json, "An item", validator).toDomain(BatchItems.digest(item, json));
    }
}
