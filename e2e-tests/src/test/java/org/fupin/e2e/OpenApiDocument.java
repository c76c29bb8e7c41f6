package org.fupin.e2e;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The operations of an OpenAPI 3 document (the gateway's merged one) with their parameters and
 * request bodies, schemas resolved: what a generator of requests needs, nothing more.
 */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** A parameter of an operation; its schema has every $ref resolved at the top. */
    record Parameter(String name, String in, boolean required, JsonObject schema) {

        boolean isUuid() {
            return "uuid".equals(OpenApiDocument.text(schema, "format"));
        }
    }

    /** The request body: its media type and schema (an empty object schema for a free-form body). */
    record Body(String mediaType, JsonObject schema) {

        boolean isJson() {
            return mediaType.equals("application/json") || mediaType.endsWith("+json");
        }

        boolean isMergePatch() {
            return mediaType.equals(MERGE_PATCH);
        }
    }

    record Operation(String method, String path, List<Parameter> parameters, Optional<Body> body, JsonObject responses) {

        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        /** The path segment before {@code {parameter}}: the collection its value names a record of ("households"). */
        String segmentBefore(String parameter) {
            String[] segments = path.split("/");
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].equals("{" + parameter + "}")) {
                    return segments[i - 1];
                }
            }
            return "";
        }

        boolean isSafe() {
            return method.equals("GET");
        }
    }

    private final JsonObject document;

    private OpenApiDocument(JsonObject document) {
        this.document = document;
    }

    static OpenApiDocument parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return new OpenApiDocument(reader.readObject());
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            List<JsonValue> shared = item.containsKey("parameters") ? item.getJsonArray("parameters") : List.of();
            for (String method : item.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                List<JsonValue> own = operation.containsKey("parameters") ? operation.getJsonArray("parameters") : List.of();
                for (JsonValue declared : concat(shared, own)) {
                    JsonObject parameter = resolve(declared);
                    String in = parameter.getString("in");
                    parameters.put(in + ":" + parameter.getString("name"), new Parameter(parameter.getString("name"), in,
                            parameter.getBoolean("required", false), resolve(parameter.get("schema"))));
                }
                JsonObject responses = operation.containsKey("responses") ? operation.getJsonObject("responses")
                        : JsonValue.EMPTY_JSON_OBJECT;
                operations.add(new Operation(method.toUpperCase(), path, List.copyOf(parameters.values()),
                        body(path, operation), responses));
            }
        }
        return operations;
    }

    private Optional<Body> body(String path, JsonObject operation) {
        if (!operation.containsKey("requestBody")) {
            return Optional.empty();
        }
        JsonObject requestBody = resolve(operation.get("requestBody"));
        JsonObject content = requestBody.getJsonObject("content");
        if (content == null || content.isEmpty()) {
            return Optional.empty();
        }
        String mediaType = content.keySet().iterator().next();
        JsonValue declared = content.getJsonObject(mediaType).get("schema");
        JsonObject schema = resolve(declared);
        if (mediaType.equals(MERGE_PATCH) && isJacksonTree(declared)) {
            // The services declare merge patches as Jackson's JsonNode, whose getters say nothing of the body. A patch
            // changes fields of the resource, so the create request of its collection describes them.
            schema = createRequestOf(parentOf(path)).orElse(Json.createObjectBuilder().add("type", "object").build());
        }
        return Optional.of(new Body(mediaType, schema));
    }

    private static boolean isJacksonTree(JsonValue schema) {
        return schema instanceof JsonObject object && object.getString("$ref", "").endsWith("/JsonNode");
    }

    private Optional<JsonObject> createRequestOf(String collection) {
        JsonObject item = document.getJsonObject("paths").getJsonObject(collection);
        if (item == null || !item.containsKey("post")) {
            return Optional.empty();
        }
        return body(collection, item.getJsonObject("post")).filter(body -> !body.isMergePatch() && body.isJson()).map(Body::schema);
    }

    /** /api/v1/households/{id} → /api/v1/households */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? path : path.substring(0, slash);
    }

    /**
     * The schema with its $ref replaced by what it points at (recursively), the keywords written
     * beside the $ref (description, type) kept; allOf parts merged into one object schema.
     */
    JsonObject resolve(JsonValue schema) {
        if (!(schema instanceof JsonObject object)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonObject resolved = object;
        if (object.containsKey("$ref")) {
            JsonObjectBuilder merged = Json.createObjectBuilder(resolve(pointer(object.getString("$ref"))));
            object.forEach((key, value) -> {
                if (!key.equals("$ref")) {
                    merged.add(key, value);
                }
            });
            resolved = merged.build();
        }
        if (resolved.containsKey("allOf")) {
            JsonObjectBuilder merged = Json.createObjectBuilder(resolved).remove("allOf");
            JsonObjectBuilder properties = Json.createObjectBuilder();
            var required = Json.createArrayBuilder();
            for (JsonValue part : resolved.getJsonArray("allOf")) {
                JsonObject partSchema = resolve(part);
                if (partSchema.containsKey("properties")) {
                    partSchema.getJsonObject("properties").forEach(properties::add);
                }
                if (partSchema.containsKey("required")) {
                    partSchema.getJsonArray("required").forEach(required::add);
                }
            }
            resolved = merged.add("type", "object").add("properties", properties).add("required", required).build();
        }
        return resolved;
    }

    private JsonValue pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are supported: " + ref);
        }
        JsonValue current = document;
        for (String token : ref.substring(2).split("/")) {
            current = ((JsonObject) current).get(token.replace("~1", "/").replace("~0", "~"));
            if (current == null) {
                throw new IllegalArgumentException("Dangling reference " + ref);
            }
        }
        return current;
    }

    static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static List<JsonValue> concat(List<JsonValue> first, List<JsonValue> second) {
        List<JsonValue> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
