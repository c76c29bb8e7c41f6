package org.fupin.webhook.sql;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for native queries, bound as text and cast in the SQL ({@code cast(:ids as uuid[])}):
 * Hibernate binds no array parameter to a native query portably, and the queue's statements take lists.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** {@code {"a","b"}}: every element quoted, so commas, braces and quotes in a value stay inside it. */
    public static String literal(Collection<?> values) {
        return values.stream().map(value -> "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
