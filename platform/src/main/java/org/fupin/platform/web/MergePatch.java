package org.fupin.platform.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.fupin.problem.FieldError;
import org.fupin.problem.FieldErrors;
import org.fupin.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON merge patch (RFC 7396) of a flat resource: a member present with a value sets the field,
 * present with null clears it, absent leaves it. Only the fields a resource lets change may appear;
 * anything else is a 400, as is a value of the wrong type.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectNode patch;
    private final ObjectMapper mapper;

    private MergePatch(ObjectNode patch, ObjectMapper mapper) {
        this.patch = patch;
        this.mapper = mapper;
    }

    public static MergePatch of(JsonNode body, Set<String> patchable, ObjectMapper mapper) {
        if (!(body instanceof ObjectNode object)) {
            throw ProblemException.badRequest("malformed-json", "A merge patch is a JSON object.");
        }
        FieldErrors errors = new FieldErrors();
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!patchable.contains(name)) {
                errors.add(new FieldError(name, "unknown-field", "This field cannot be changed here."));
            }
        }
        if (!errors.isEmpty()) {
            throw errors.problem(400, "unknown-field", "The patch names fields that cannot be changed (listed in errors).");
        }
        return new MergePatch(object, mapper);
    }

    /**
     * Removes and returns a text member that instructs the change rather than patching the resource (a confirmation,
     * a reason); null when absent or null. A member of another type is a 400.
     */
    public static String takeText(JsonNode body, String field) {
        if (!(body instanceof ObjectNode object) || !object.has(field)) {
            return null;
        }
        JsonNode value = object.remove(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FieldErrors().add(new FieldError(field, "type", field + " is text."))
                    .problem(400, "validation-failed", "The request has invalid fields.");
        }
        return value.textValue();
    }

    public boolean has(String field) {
        return patch.has(field);
    }

    public boolean isEmpty() {
        return patch.isEmpty();
    }

    /** The new value of a present field (null when the patch clears it). */
    public <T> T value(String field, Class<T> type) {
        JsonNode node = patch.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (Exception e) {
            throw invalid(field);
        }
    }

    /** The new value of a present list field; null elements are refused. */
    public <T> List<T> list(String field, Class<T> elementType) {
        JsonNode node = patch.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid(field);
        }
        List<T> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (element.isNull()) {
                throw invalid(field);
            }
            try {
                values.add(mapper.treeToValue(element, elementType));
            } catch (Exception e) {
                throw invalid(field);
            }
        }
        return values;
    }

    private static ProblemException invalid(String field) {
        return new ProblemException(400, "invalid-value", "Field '" + field + "' has a value of the wrong type or format.",
                List.of(new FieldError(field, "invalid-value", "Wrong type or format.")));
    }
}
