package org.fupin.household.history.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The field-by-field difference of two snapshots of a record. */
public final class Changes {

    private Changes() {
    }

    /**
     * Every field whose value differs, in a stable order (the fields of {@code before} first, then
     * those that appeared, in the order of {@code after}); a field missing on one side counts as null there.
     */
    public static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Object> field : before.entrySet()) {
            Object next = after.get(field.getKey());
            if (!same(field.getValue(), next)) {
                changes.add(new FieldChange(field.getKey(), field.getValue(), next));
            }
        }
        for (String added : after.keySet()) {
            if (!before.containsKey(added) && after.get(added) != null) {
                changes.add(new FieldChange(added, null, after.get(added)));
            }
        }
        return changes;
    }

    /** Numbers compare by value, so that 2800.5 and 2800.50 are no change. */
    private static boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
