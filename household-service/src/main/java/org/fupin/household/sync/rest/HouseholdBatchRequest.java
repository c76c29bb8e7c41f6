package org.fupin.household.sync.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/households/batch}; items are read one by one so that one bad item refuses only itself. */
@Schema(name = "HouseholdBatchRequest")
public record HouseholdBatchRequest(
        @Schema(description = "1 to 500 items, each shaped like HouseholdBatchItem.", implementation = BatchItemRequest[].class,
                required = true, minItems = 1, maxItems = 500)
        List<JsonNode> items) {
}
