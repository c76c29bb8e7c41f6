package org.fupin.household.imports.domain;

import java.util.List;

/**
 * Contiguous rows sharing a householdRef: usually a whole household. When a householdRef comes back
 * after another household, its first run is the household (validated, never registered) and each
 * later run is only reported.
 */
public record HouseholdRowGroup(String ref, List<ImportRow> rows, Part part) {

    /** Which part of a household the rows are. */
    public enum Part {
        /** All rows of the household. */
        WHOLE,
        /** The first rows of a household whose rows are not together: checked, then skipped. */
        FIRST_OF_SCATTERED,
        /** Rows of that household after another household's rows: each is an error. */
        LATER_OF_SCATTERED
    }

    public HouseholdRowGroup {
        rows = List.copyOf(rows);
    }

    public long firstRow() {
        return rows.get(0).number();
    }
}
