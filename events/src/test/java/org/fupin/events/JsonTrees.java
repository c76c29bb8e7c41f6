package org.fupin.events;

import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares JSON trees as JSON does: 3000, 3000.0 and 3000.00 are the same number. */
final class JsonTrees {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (left, right) -> {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    private JsonTrees() {
    }

    static boolean sameJson(JsonNode left, JsonNode right) {
        return left.equals(NUMBERS_BY_VALUE, right);
    }
}
