package org.fupin.assistance.ledger.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/measures/confirmations/batch}; items are read one by one. */
@Schema(name = "MeasureConfirmationBatchRequest")
public record ConfirmationBatchRequest(
        @Schema(description = "1 to 500 items, each shaped like MeasureConfirmationItem.", implementation = ConfirmationBatchItem[].class,
                required = true, minItems = 1, maxItems = 500)
        List<JsonNode> items) {
}
