package org.fupin.household.imports.domain;

import java.util.Map;

/**
 * Why a row of an import was rejected: its row number, the CSV column (null when the whole row is
 * wrong), a stable code and an English message; {@code params} fill the localized message.
 */
public record RowError(long row, String field, String code, String message, Map<String, Object> params) {

    public RowError {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public RowError(long row, String field, String code, String message) {
        this(row, field, code, message, Map.of());
    }
}
