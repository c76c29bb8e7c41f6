package org.fupin.assistance.visit.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/visits/batch}; items are read one by one so that one bad item rejects only itself. */
@Schema(name = "VisitBatchRequest")
public record VisitBatchRequest(
        @Schema(description = "1 to 500 visits, each shaped like VisitRequest.", implementation = VisitRequest[].class,
                required = true, minItems = 1, maxItems = 500)
        List<JsonNode> visits) {
}
