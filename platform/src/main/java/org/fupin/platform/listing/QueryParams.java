package org.fupin.platform.listing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/**
 * Reads the filters of a list. Parsed here rather than by JAX-RS so that a bad value answers 400
 * {@code invalid-parameter} naming the parameter, never an empty list or a 404.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, name + " is not one of its documented values.");
        }
    }

    public static UUID uuid(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, name + " is not a UUID.");
        }
    }

    public static Boolean bool(String name, String value) {
        if (blank(value)) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, name + " is true or false.");
        };
    }

    public static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, name + " is a date like 2019-06-25.");
        }
    }

    /** A region code of the county (6 digits), a township (9) or a village (12). */
    public static String region(String name, String value) {
        if (blank(value)) {
            return null;
        }
        if (!value.matches("\\d{6}(\\d{3}(\\d{3})?)?")) {
            throw invalid(name, "A region code has 6, 9 or 12 digits.");
        }
        return value;
    }

    public static ProblemException invalid(String name, String message) {
        return new ProblemException(400, "invalid-parameter", message, List.of(new FieldError(name, "invalid-value", message)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
