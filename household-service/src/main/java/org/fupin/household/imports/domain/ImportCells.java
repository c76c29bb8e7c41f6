package org.fupin.household.imports.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fupin.household.registry.domain.PovertyCause;

/** Reads the cells of one row into typed values; a cell that does not parse is an invalid-value error. */
final class ImportCells {

    private final ImportRow row;
    private final RowErrors errors;

    ImportCells(ImportRow row, RowErrors errors) {
        this.row = row;
        this.errors = errors;
    }

    String text(ImportColumn column) {
        return row.get(column);
    }

    String optionalText(ImportColumn column) {
        String value = row.get(column);
        return value.isEmpty() ? null : value;
    }

    <E extends Enum<E>> E enumValue(ImportColumn column, Class<E> type) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            invalid(column, "Not one of the allowed values.");
            return null;
        }
    }

    <E extends Enum<E>> E optionalEnum(ImportColumn column, Class<E> type, E whenEmpty) {
        E value = enumValue(column, type);
        return value == null && row.get(column).isEmpty() ? whenEmpty : value;
    }

    List<PovertyCause> causes() {
        List<PovertyCause> causes = new ArrayList<>();
        String value = row.get(ImportColumn.CAUSES);
        if (value.isEmpty()) {
            return causes;
        }
        for (String cause : value.split("\\|", -1)) {
            try {
                causes.add(PovertyCause.valueOf(cause.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                invalid(ImportColumn.CAUSES, "Causes are separated by | and each is one of the allowed values.");
                // Every cause stands in for the unreadable list, so that the rules do not add
                // errors about the primary cause or the number of causes that are only echoes of this one.
                return List.of(PovertyCause.values());
            }
        }
        return causes;
    }

    int requiredInt(ImportColumn column) {
        Integer value = optionalInt(column);
        if (value == null && row.get(column).isEmpty()) {
            errors.add(new RowError(row.number(), column.header(), "required", "This field is required."));
        }
        return value == null ? 0 : value;
    }

    Integer optionalInt(ImportColumn column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            invalid(column, "A whole number is expected.");
            return null;
        }
    }

    BigDecimal decimal(ImportColumn column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            errors.add(new RowError(row.number(), column.header(), "required", "This field is required."));
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            invalid(column, "A number is expected, with a point for decimals.");
            return null;
        }
    }

    LocalDate date(ImportColumn column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            invalid(column, "A date is written yyyy-MM-dd.");
            return null;
        }
    }

    /** true/false as the API writes them, and what registers in Chinese spreadsheets hold: 是/否 and 1/0. */
    boolean bool(ImportColumn column) {
        String value = row.get(column);
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "是", "1":
                return true;
            case "false", "否", "0":
                return false;
            case "":
                errors.add(new RowError(row.number(), column.header(), "required", "This field is required."));
                return false;
            default:
                invalid(column, "One of true/false, 是/否 or 1/0.");
                return false;
        }
    }

    private void invalid(ImportColumn column, String message) {
        errors.add(new RowError(row.number(), column.header(), "invalid-value", message));
    }
}
