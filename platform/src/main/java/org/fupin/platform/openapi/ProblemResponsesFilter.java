package org.fupin.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(FIELD_ERROR, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field: its path, a stable code and a message in the caller's language.")
                .addProperty("field", string("Path of the field, e.g. members[0].idNumber"))
                .addProperty("code", string("Stable kebab-case code, e.g. id-number-check-digit"))
                .addProperty("message", string("Explanation in en, zh-Hans or zh-Hant (Accept-Language)")));
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
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> describe(path, method, operation));
            }
        });
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
        }
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
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY));
        }
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
