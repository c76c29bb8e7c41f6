package org.fupin.platform.listing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

/**
 * Reads the filters of a list. Parsed here rather than by JAX-RS so that a bad value answers 400
 * {@code invalid-parameter} naming the parameter, never an empty list or a 404.
 */
public final class QueryParams {

    /** A region code as the document declares it: county (6 digits), township (9) or village (12). */
    public static final String REGION_CODE = "^[0-9]{6}([0-9]{3}){0,2}$";
    /** A village's code (12 digits). */
    public static final String VILLAGE_CODE = "^[0-9]{12}$";

    private static final Pattern REGION = Pattern.compile(REGION_CODE);

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
        if (!REGION.matcher(value).matches()) {
            throw invalid(name, "A region code has 6, 9 or 12 digits.");
        }
        return value;
    }

    public static ProblemException invalid(String name, String message) {
        return invalid(name, "invalid-value", message);
    }

    /** A parameter refused by a rule of its own, named by {@code code} (e.g. one between two parameters). */
    public static ProblemException invalid(String name, String code, String message) {
        return new ProblemException(400, "invalid-parameter", message, List.of(new FieldError(name, code, message)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
