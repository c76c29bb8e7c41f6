package org.fupin.gateway.openapi;

import java.util.HashMap;
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
 * Two services may name different schemas alike (each has its own {@code Status}): the later
 * one is renamed after its service ({@code AssistanceStatus}) with every reference to it, so
 * that no operation silently points at another service's schema. Pure: it takes parsed
 * documents and returns a new one.
 */
public final class OpenApiMerger {

    private static final String SCHEMAS = "#/components/schemas/";

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
            JsonNode document = withoutCollisions(entry.getKey(), entry.getValue(), schemas);
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

    /** The document with each schema named like a different one already merged renamed after its service. */
    private static JsonNode withoutCollisions(String service, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode earlier = merged.get(schema.getKey());
            if (earlier != null && !earlier.equals(schema.getValue())) {
                renames.put(schema.getKey(), Character.toUpperCase(service.charAt(0)) + service.substring(1) + schema.getKey());
            }
        });
        if (renames.isEmpty()) {
            return document;
        }
        JsonNode copy = document.deepCopy();
        ObjectNode schemas = (ObjectNode) copy.path("components").path("schemas");
        renames.forEach((name, renamed) -> {
            schemas.set(renamed, schemas.get(name));
            schemas.remove(name);
        });
        rewriteReferences(copy, renames);
        return copy;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String renamed = renames.get(ref.asText().substring(SCHEMAS.length()));
                if (renamed != null) {
                    object.put("$ref", SCHEMAS + renamed);
                }
            }
            object.elements().forEachRemaining(child -> rewriteReferences(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteReferences(child, renames));
        }
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
