package org.fupin.household.imports.domain;

/**
 * One data row of an import as the clerk counts it: {@code number} is the spreadsheet row (the
 * header is row 1). {@code values} are indexed by {@link ImportColumn#ordinal()}; {@code size} is
 * how many fields the row had, so that a row with too few or too many is recognised.
 */
public record ImportRow(long number, String[] values, int size) {

    /** The value of a column, stripped of surrounding blanks; empty when the row lacks it. */
    public String get(ImportColumn column) {
        String value = values[column.ordinal()];
        return value == null ? "" : value.strip();
    }

    public String householdRef() {
        return get(ImportColumn.HOUSEHOLD_REF);
    }

    public boolean complete() {
        return size == ImportColumn.COUNT;
    }
}
