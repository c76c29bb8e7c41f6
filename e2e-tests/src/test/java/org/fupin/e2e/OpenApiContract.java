package org.fupin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.UnknownKeywordFactory;
import com.networknt.schema.ValidationMessage;

/**
 * The merged OpenAPI document as the contract every answer of the suite keeps (issue 18): the
 * status is one the operation documents, the Content-Type one it documents for that status, a
 * JSON body is valid against the documented schema (JSON Schema 2020-12 as OpenAPI 3.1 uses it,
 * formats asserted), and a method a documented path does not have answers 405 with an Allow
 * header naming those it has. An integrator's generated client trusts exactly these things.
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    /** JSON Schema 2020-12 with the OpenAPI keywords that say nothing of validity (and the components beside a schema) known. */
    private static final JsonMetaSchema OPENAPI_31 = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keywords(List.of(new NonValidationKeyword("components"), new NonValidationKeyword("discriminator"),
                    new NonValidationKeyword("example"), new NonValidationKeyword("xml"), new NonValidationKeyword("externalDocs")))
            // Extensions (x-rule-codes, x-deprecated...) are the document's notes to readers, not constraints.
            .unknownKeywordFactory((name, context) -> name.startsWith("x-") ? new NonValidationKeyword(name)
                    : UnknownKeywordFactory.getInstance().getKeyword(name, context))
            .build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OPENAPI_31));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    /** A documented path as a pattern; the one with more fixed segments wins (/households/search before /households/{id}). */
    private record Template(String path, Pattern pattern, int fixedSegments) {

        static Template of(String path) {
            StringBuilder regex = new StringBuilder();
            int fixed = 0;
            for (String segment : path.substring(1).split("/")) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    fixed++;
                }
            }
            return new Template(path, Pattern.compile(regex.toString()), fixed);
        }
    }

    private final JsonNode document;
    private final List<Template> templates;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        List<Template> all = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> all.add(Template.of(path)));
        all.sort(Comparator.comparingInt(Template::fixedSegments).reversed());
        this.templates = List.copyOf(all);
    }

    static OpenApiContract parse(String json) {
        try {
            return new OpenApiContract(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The codes of the rules the document lists as beyond any schema (FieldError's x-rule-codes: a check
     * digit, a rule between two fields): a request the schemas allow may be refused by one of those.
     */
    Set<String> ruleCodes() {
        Set<String> codes = new HashSet<>();
        document.path("components").path("schemas").path("FieldError").path("x-rule-codes").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    /**
     * What the answer breaks of the document, none if it keeps it. Paths outside /api/ and paths the
     * document does not have are not judged (an unknown path answers 404 with a problem anyway).
     *
     * @param rawPath the request's path as sent, percent-encoded, with or without its query
     * @param header  the answer's header of that name, or null
     */
    List<String> breaches(String method, String rawPath, int status, Function<String, String> header, byte[] body) {
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        if (template.isEmpty()) {
            return List.of();
        }
        String documented = template.get().path();
        JsonNode item = document.path("paths").path(documented);
        String lower = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(lower)) {
            return List.of();
        }
        if (!item.has(lower)) {
            return methodNotAllowed(method + " " + documented, item, status, header);
        }
        String operation = method.toUpperCase(Locale.ROOT) + " " + documented;
        JsonNode responses = item.path(lower).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.has((status / 100) + "XX") ? responses.get((status / 100) + "XX") : responses.get("default");
        if (response == null) {
            return List.of(operation + ": status " + status + " is not documented (documented: " + names(responses) + ")");
        }
        if (body == null || body.length == 0) {
            return List.of();
        }
        JsonNode content = response.path("content");
        String contentType = Optional.ofNullable(header.apply("Content-Type")).orElse("");
        String mediaType = contentType.contains(";") ? contentType.substring(0, contentType.indexOf(';')) : contentType;
        mediaType = mediaType.trim().toLowerCase(Locale.ROOT);
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of(operation + " " + status + ": a body of type '" + contentType + "' where the document declares none");
        }
        String declared = declaredMediaType(content, mediaType);
        if (declared == null) {
            return List.of(operation + " " + status + ": Content-Type '" + contentType + "' is not documented (documented: "
                    + names(content) + ")");
        }
        if (!(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return List.of();
        }
        JsonNode schema = content.path(declared).path("schema");
        if (schema.isMissingNode()) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(operation + " " + status + ": a " + mediaType + " body that is no JSON: " + e.getMessage());
        }
        Set<ValidationMessage> messages = schemas.computeIfAbsent(operation + " " + status + " " + declared, key -> compile(schema))
                .validate(value);
        List<String> breaches = new ArrayList<>();
        for (ValidationMessage message : messages) {
            breaches.add(operation + " " + status + ": " + message.getMessage());
        }
        return breaches;
    }

    private List<String> methodNotAllowed(String request, JsonNode item, int status, Function<String, String> header) {
        Set<String> allowed = new TreeSet<>();
        item.fieldNames().forEachRemaining(name -> {
            if (METHODS.contains(name)) {
                allowed.add(name.toUpperCase(Locale.ROOT));
            }
        });
        if (status != 405) {
            return List.of(request + ": a method the path does not have answered " + status + ", not 405 (the path has " + allowed + ")");
        }
        String allow = header.apply("Allow");
        if (allow == null || allow.isBlank()) {
            return List.of(request + ": 405 without an Allow header (the path has " + allowed + ")");
        }
        Set<String> named = new TreeSet<>();
        for (String method : allow.split(",")) {
            named.add(method.trim().toUpperCase(Locale.ROOT));
        }
        return named.containsAll(allowed) ? List.of() : List.of(request + ": 405 Allow '" + allow + "' lacks some of " + allowed);
    }

    /** The declared media type the answer's matches: exactly, or through a range such as text/* or * / *. */
    private static String declaredMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            String bare = name.contains(";") ? name.substring(0, name.indexOf(';')).trim() : name;
            if (bare.equalsIgnoreCase(mediaType) || bare.equals("*/*")
                    || (bare.endsWith("/*") && mediaType.startsWith(bare.substring(0, bare.length() - 1)))) {
                return name;
            }
        }
        return null;
    }

    /** The schema with the document's components beside it, so that its $refs (#/components/...) resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        root.setAll((ObjectNode) schema.deepCopy());
        return SCHEMAS.getSchema(root, CONFIG);
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
