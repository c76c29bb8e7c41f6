package org.fupin.platform.openapi;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.fupin.problem.FieldErrors;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Describes in every service's OpenAPI document what the platform does for every endpoint: the
 * bearer security, and the problem+json answers the shared mappings produce (401, 403, 400 for bad
 * input, 404 for a record not found or outside the caller's region, 409/412/415/422/428 where a
 * body or a precondition is involved, 429 and 500). Each operation keeps the responses it declares.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String SECURITY = "bearer";

    /**
     * Operation extension naming, comma-separated, the media types a list answers besides JSON
     * (its CSV or printable siblings are methods of their own, hidden from the document): the
     * filter adds them to the operation's 200 answer and removes the extension.
     */
    public static final String ALSO_PRODUCES = "x-also-produces";
    static final String RULE_CODES = "x-rule-codes";

    /**
     * The field-error codes of rules a JSON Schema cannot state: a check digit, or a rule between two
     * fields or parameters. A request the schemas allow may still be refused with 400 and one of these;
     * listed on FieldError (as x-rule-codes too, for tools) so that a client knows them all.
     */
    static final Map<String, String> RULES_BEYOND_SCHEMA = rules(
            "id-number-check-digit", "an ID number's check character (ISO 7064 MOD 11-2) is right",
            "id-number-birth-date", "the birth date in an ID number is a real day, not after today",
            "required", "a field another field's value makes required (e.g. a pairing's helperId for HELPER_HOUSEHOLD)",
            "not-applicable", "a field the chosen kind or type does not take",
            "exactly-one", "one of two fields, not both and not neither",
            "end-before-start", "an end not before its start",
            "duplicate-member", "the same member twice in one list",
            "duplicate-township", "the same township twice in one list",
            "primary-cause-not-in-causes", "the primary cause is one of the causes",
            "region-level-mismatch", "a region's level matches the length of its code",
            "signal-subject", "a signal names a person or a household",
            "internal-signal", "fupin's own signal kinds are not sent by departments",
            "reason-reserved", "a reason the system gives, not a caller",
            "confirmation-per-household", "a registration confirms possible duplicates for the household, not per member",
            "exclusive-parameters", "two query parameters that exclude each other",
            "period-reversed", "a period's to is not before its from",
            "name-format", "a person's name in Han characters or letters, with · or spaces between parts",
            "head-count", "a household has exactly one head",
            "duplicate-cause", "each cause of poverty listed once",
            "duplicate-in-request", "the same item twice in one request",
            "date-in-future", "a date not after today in the county",
            "identified-year-range", "the identification year between 2014 and this year",
            "registered-on-range", "the registration date between the identification year and today",
            "assessed-on-range", "an assessment date between the household's registration and today",
            "effective-date-out-of-order", "effective dates in the order of the changes",
            "date-before-previous-step", "a case step dated not before the step before it",
            "confirmed-before-start", "a measure confirmed not before it started",
            "amount-required", "an amount for the signal kinds that carry one",
            "invalid-parent-region", "a region's parent is registered and one level up",
            "poor-village-not-village", "only a village is a poor village",
            "not-in-pair", "a member of the pair under review",
            "reason-needs-replacement", "an ending reason that needs a replacement helper");

    private static Map<String, String> rules(String... codesAndRules) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < codesAndRules.length; i += 2) {
            rules.put(codesAndRules[i], codesAndRules[i + 1]);
        }
        return rules;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(FIELD_ERROR, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field: its path, a stable code and a message in the caller's language.")
                .addProperty("field", string("Path of the field, e.g. members[0].idNumber"))
                .addProperty("code", string("Stable kebab-case code, e.g. id-number-check-digit. Besides the codes of a "
                        + "schema's own constraints (required, format, pattern, range, size...), these name rules no schema "
                        + "states: " + RULES_BEYOND_SCHEMA.entrySet().stream().map(rule -> rule.getKey() + " (" + rule.getValue() + ")")
                                .collect(Collectors.joining("; "))))
                .addProperty("message", string("Explanation in en, zh-Hans or zh-Hant (Accept-Language)"))
                .addExtension(RULE_CODES, List.copyOf(RULES_BEYOND_SCHEMA.keySet())));
        components.addSchema(PROBLEM, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details with a stable code.")
                .addProperty("type", string("urn:fupin:problem:<code>"))
                .addProperty("title", string("Short title in the caller's language"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What happened in this case"))
                .addProperty("code", string("Stable kebab-case code"))
                .addProperty("requestId", string("The X-Request-Id of the request"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("The invalid fields, at most " + FieldErrors.MAX + "; moreErrors counts the others")
                        .maxItems(FieldErrors.MAX)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .addProperty("moreErrors", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ONE)
                        .description("How many invalid fields were found beyond those listed; absent when all are listed"))
                .addProperty("candidates", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("For possible-duplicate: the registered people the request may duplicate (a "
                                + "DuplicateCandidate each), shown as the privacy policy lets the caller see them")
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))))
                .required(List.of("type", "title", "status", "code")));
        if (openAPI.getPaths() == null) {
            return;
        }
        Set<String> closed = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                alsoProduces(operation);
                textParameters(operation);
                describe(path, method, operation);
            }
            withoutQuality(operation);
            closeRequestBody(operation, components, closed);
        }));
    }

    /**
     * A parameter declared with only a format or pattern (a UUID, a date, a region code the resource
     * parses itself, to answer a clean 400) loses the type its Java String gave it; it is text, and a
     * generated client must not take it for an arbitrary object.
     */
    private static void textParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().forEach(parameter -> {
            Schema schema = parameter.getSchema();
            if (schema != null && schema.getType() == null && schema.getRef() == null && schema.getEnumeration() == null
                    && schema.getAllOf() == null && schema.getAnyOf() == null && schema.getOneOf() == null) {
                schema.setType(List.of(Schema.SchemaType.STRING));
            }
        });
    }

    private static void alsoProduces(Operation operation) {
        Object mediaTypes = operation.getExtensions() == null ? null : operation.getExtensions().get(ALSO_PRODUCES);
        if (mediaTypes == null) {
            return;
        }
        operation.removeExtension(ALSO_PRODUCES);
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null) {
            return;
        }
        // Text answers: withoutQuality gives them their string schema.
        for (String mediaType : mediaTypes.toString().split(",")) {
            ok.getContent().addMediaType(mediaType.trim(), OASFactory.createMediaType());
        }
    }

    /**
     * A server-side preference ({@code text/csv;qs=0.5}) is how JAX-RS picks JSON for a client that
     * accepts anything; it is no part of the media type a client sees or sends. Text answers are strings.
     */
    private static void withoutQuality(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> withoutQuality(response.getContent()));
        }
        if (operation.getRequestBody() != null) {
            withoutQuality(operation.getRequestBody().getContent());
        }
    }

    private static void withoutQuality(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        new LinkedHashMap<>(content.getMediaTypes()).forEach((key, media) -> {
            String plain = key.replaceAll(";\\s*qs=[0-9.]+", "");
            if (plain.startsWith("text/")) {
                // A CSV report or a printable page is text, whatever the JSON form's schema is.
                media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
            }
            if (!plain.equals(key)) {
                content.removeMediaType(key);
                content.addMediaType(plain, media);
            }
        });
    }

    /**
     * Every JSON body the services read refuses a field it does not know (400 unknown-field, the
     * shared Jackson setting), at every depth: the document says so with additionalProperties: false
     * on each object schema a request body reaches, so that a generated client cannot send one.
     */
    private static void closeRequestBody(Operation operation, Components components, Set<String> closed) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().forEach((mediaType, media) -> {
            if (mediaType.endsWith("json") && media.getSchema() != null) {
                close(media.getSchema(), components, closed);
            }
        });
    }

    private static void close(Schema schema, Components components, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (seen.add(name) && components.getSchemas() != null) {
                close(components.getSchemas().get(name), components, seen);
            }
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            if (schema.getAdditionalPropertiesBoolean() == null && schema.getAdditionalPropertiesSchema() == null) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
            schema.getProperties().values().forEach(property -> close(property, components, seen));
        }
        close(schema.getItems(), components, seen);
        for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(part -> close(part, components, seen));
            }
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getIn() == Parameter.In.QUERY && "limit".equals(parameter.getName()))
                    .forEach(ProblemResponsesFilter::describeLimit);
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty()) || path.contains("{");
        boolean preconditioned = method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.PUT
                || path.endsWith("/transitions") || takesIfMatch(operation);

        Map<String, String> problems = new LinkedHashMap<>();
        if (hasInput) {
            problems.put("400", "Invalid request: validation-failed, unknown-field, invalid-value, malformed-json, invalid-parameter...");
        }
        problems.put("401", "No token, or one that fails verification (unauthenticated)");
        problems.put("403", "The caller's role may not do this (forbidden)");
        if (path.contains("{")) {
            problems.put("404", "Not found, or outside the caller's region (not-found)");
        } else if (takesRegion(operation)) {
            problems.put("404", "The region is not registered, or outside the caller's region (not-found)");
        } else if (hasBody) {
            problems.put("404", "A region the body names is not registered, or outside the caller's region (not-found)");
        }
        problems.put("406", "The Accept header names no media type this operation answers with (not-acceptable)");
        if (writes) {
            problems.put("409", "Conflicts with the current state (e.g. duplicate-id-number, illegal-transition)");
        }
        if (preconditioned) {
            problems.put("412", "The If-Match ETag is stale (precondition-failed)");
        }
        if (hasBody) {
            problems.put("413", "The body is too large (payload-too-large)");
            problems.put("415", "Wrong Content-Type (unsupported-media-type)");
        }
        if (writes) {
            problems.put("422", "A business rule refuses the request (e.g. exit-criteria-not-met, idempotency-key-reused)");
        }
        if (preconditioned) {
            problems.put("428", "If-Match is required (precondition-required)");
        }
        problems.put("429", "Too many requests from this caller (too-many-requests); see Retry-After");
        problems.put("500", "Unexpected failure (internal-error); quote the request id");
        problems.put("503", "The service cannot reach its database just now or is overloaded (service-unavailable); nothing was changed, "
                + "retry after Retry-After seconds");
        problems.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        // A status an operation declares itself (for its own description) is answered with a problem all the same.
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problem(response.getDescription()).getContent());
                }
            }
        });
        if (!responses.hasAPIResponse("414")) {
            // Refused by the HTTP codec before any handler runs, so without a problem body (quarkusio/quarkus#55082).
            responses.addAPIResponse("414", OASFactory.createAPIResponse()
                    .description("The request line is longer than 4096 bytes (the query too long); no body"));
        }
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY));
        }
    }

    /** Reports and lists narrowed to a region by a {@code region} (or {@code parent}) query parameter answer 404 for one not registered. */
    private static boolean takesRegion(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY
                        && ("region".equals(parameter.getName()) || "parent".equals(parameter.getName())));
    }

    private static boolean takesIfMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("If-Match".equalsIgnoreCase(parameter.getName())) {
                return true;
            }
        }
        return false;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
    }

    /**
     * The page size is read as text (so that "abc" answers 400 invalid-parameter, not the 404 of a
     * typed parameter) but is a whole number for every client: say so in the document.
     */
    private static void describeLimit(Parameter limit) {
        limit.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(500))
                .defaultValue(50));
        if (limit.getDescription() == null) {
            limit.setDescription("Items per page, 1 to 500 (default 50).");
        }
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
