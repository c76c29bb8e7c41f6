package org.fupin.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSchemaNamedLikeAnotherServicesIsRenamedWithItsReferences() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("household", json.readTree("""
                {"paths": {"/api/v1/duplicate-candidates": {"get": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/Status"}}}}}}}},
                 "components": {"schemas": {"Status": {"enum": ["OPEN", "MERGED"]}, "Region": {"type": "object"}}}}
                """));
        documents.put("assistance", json.readTree("""
                {"paths": {"/api/v1/visits/batch": {"post": {"responses": {"200": {"content": {"application/json":
                  {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Status"}}}}}}}}},
                 "components": {"schemas": {"Status": {"enum": ["ACCEPTED", "DUPLICATE"]}, "Region": {"type": "object"}}}}
                """));

        ObjectNode merged = new OpenApiMerger(json).merge(documents, List.of());

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("Status").path("enum").toString()).isEqualTo("[\"OPEN\",\"MERGED\"]");
        assertThat(schemas.path("AssistanceStatus").path("enum").toString()).isEqualTo("[\"ACCEPTED\",\"DUPLICATE\"]");
        assertThat(merged.at("/paths/~1api~1v1~1visits~1batch/post/responses/200/content/application~1json/schema/items/$ref")
                .asText()).isEqualTo("#/components/schemas/AssistanceStatus");
        assertThat(merged.at("/paths/~1api~1v1~1duplicate-candidates/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Status");
        // The same schema in both documents stays one.
        assertThat(schemas.has("AssistanceRegion")).isFalse();
    }
}
