package org.fupin.household.imports.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The errors of one household, at most one per row and column: the first found is the one to fix. */
final class RowErrors {

    private final List<RowError> errors = new ArrayList<>();
    private final Set<String> cells = new HashSet<>();

    void add(RowError error) {
        if (cells.add(error.row() + ":" + error.field())) {
            errors.add(error);
        }
    }

    boolean has(long row, String field) {
        return cells.contains(row + ":" + field);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** By row, and within a row in the order of the file's columns. */
    List<RowError> sorted() {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingLong(RowError::row).thenComparingInt(RowErrors::columnOrder));
        return sorted;
    }

    private static int columnOrder(RowError error) {
        ImportColumn column = error.field() == null ? null : ImportColumn.ofHeader(error.field());
        return column == null ? -1 : column.ordinal();
    }
}
