package org.fupin.assistance.visit.rest;

import java.util.List;

import org.fupin.assistance.visit.domain.NewVisit;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Reads the items of a batch one by one, answering for an unreadable item what a single POST would answer. */
final class BatchItems {

    private BatchItems() {
    }

    /** The item's id as sent, for the answer, even when the item is otherwise unreadable. */
    static String idOf(JsonNode item) {
        JsonNode id = item == null ? null : item.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    static NewVisit read(JsonNode item, ObjectMapper json) {
        if (item == null || !item.isObject()) {
            throw Refusal.invalid("malformed-json", "A visit is a JSON object.");
        }
        try {
            return json.treeToValue(item, VisitRequest.class).toDomain();
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw new Refusal(Refusal.Kind.INVALID, "unknown-field", "Unknown field '" + field + "'.",
                    List.of(new Violation(field, "unknown-field", "This field is not part of the request.")));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new Refusal(Refusal.Kind.INVALID, "invalid-value", "Field '" + field + "' has a value of the wrong type or format.",
                    List.of(new Violation(field, "invalid-value", "Wrong type or format.")));
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("malformed-json", "The visit is not well-formed JSON.");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).findFirst().orElse("(item)");
    }
}
