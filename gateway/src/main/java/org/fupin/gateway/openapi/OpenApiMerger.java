package org.fupin.gateway.openapi;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the OpenAPI documents of the services into the one document of the public API: their
 * paths, schemas and tags side by side, one bearer security scheme, the gateway as the server.
 * Pure: it takes parsed documents and returns a new one.
 */
public final class OpenApiMerger {

    private final ObjectMapper json;

    public OpenApiMerger(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param documents the services' documents by service name, in a stable order
     * @param unavailable services whose document could not be fetched; listed in the result
     */
    public ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "fupin API");
        info.put("version", "1");
        info.put("description", "Poverty-alleviation registry (建檔立卡), assistance tracking (結對幫扶) and reports. "
                + "Every call needs `Authorization: Bearer <JWT>`; errors are application/problem+json with a stable `code`.");
        merged.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        merged.putArray("security").addObject().putArray("bearer");

        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            JsonNode document = entry.getValue();
            copyFields(document.path("paths"), paths);
            copyFields(document.path("components").path("schemas"), schemas);
            for (JsonNode tag : document.path("tags")) {
                tags.add(tag.deepCopy());
            }
        }
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-fupin-unavailable");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    private static void copyFields(JsonNode from, ObjectNode to) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!to.has(field.getKey())) {
                to.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
