package org.fupin.platform.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;
import org.fupin.platform.problem.BeanViolations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads the items of an offline batch one by one, so that an unreadable item is refused alone with what a single
 * request would have answered (malformed-json, unknown-field, invalid-value, validation-failed), and the others go on.
 */
public final class BatchItems {

    private BatchItems() {
    }

    /** The item's client-made id as sent, for the answer, even when the item is otherwise unreadable. */
    public static String idOf(Object item) {
        JsonNode id = item instanceof JsonNode node ? node.get("id") : null;
        return id == null || id.isNull() ? null : id.asText();
    }

    /** A digest of the item's content in a canonical form (keys sorted): the same item sent again has the same digest. */
    public static String digest(JsonNode item, ObjectMapper json) {
        try {
            String canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(json.treeToValue(item, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("An item that was read as JSON is written as JSON", e);
        }
    }

    /** The item as {@code type}; {@code what} names it in refusals ("A visit"). */
    public static <T> T read(JsonNode item, Class<T> type, ObjectMapper json, String what) {
        if (item == null || !item.isObject()) {
            throw Refusal.invalid("malformed-json", what + " is a JSON object.");
        }
        try {
            return json.treeToValue(item, type);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw new Refusal(Refusal.Kind.INVALID, "unknown-field", "Unknown field '" + field + "'.",
                    List.of(new Violation(field, "unknown-field", "This field is not part of the request.")));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new Refusal(Refusal.Kind.INVALID, "invalid-value", "Field '" + field + "' has a value of the wrong type or format.",
                    List.of(new Violation(field, "invalid-value", "Wrong type or format.")));
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("malformed-json", what + " is not well-formed JSON.");
        }
    }

    /** As {@link #read}, then checked against its Bean Validation constraints (a batch item is not validated by JAX-RS). */
    public static <T> T readValid(JsonNode item, Class<T> type, ObjectMapper json, String what, Validator validator) {
        T value = read(item, type, json, what);
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(new ArrayList<>(BeanViolations.of(violations)));
        }
        return value;
    }

    private static String path(JsonMappingException e) {
        List<String> names = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                names.add(reference.getFieldName());
            }
        }
        return names.isEmpty() ? "(item)" : String.join(".", names);
    }
}
