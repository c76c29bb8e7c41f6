package org.fupin.platform.sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a native query, read by column name: a query's reader says {@code row.count("households")},
 * not {@code ((Number) c[2]).longValue()}, so a reordered select list cannot shift the meaning of a value.
 * Name every computed column in the SQL ({@code count(*) as households}).
 */
public final class Row {

    private final Map<String, Integer> columns;
    private final Object[] values;

    /** {@code columns}: the position of each column by its lower-case name, shared by the rows of a query. */
    Row(Map<String, Integer> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    static Map<String, Integer> columnsOf(String[] names) {
        Map<String, Integer> columns = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].toLowerCase(Locale.ROOT), i);
        }
        return Map.copyOf(columns);
    }

    public String text(String column) {
        return (String) value(column);
    }

    /** A count or sum; a null sum (no rows) reads as 0. */
    public long count(String column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Integer integerOrNull(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(value(column));
    }

    public BigDecimal decimal(String column) {
        Object value = value(column);
        return value instanceof BigDecimal decimal ? decimal : value == null ? null : new BigDecimal(value.toString());
    }

    public LocalDate dateOrNull(String column) {
        Object value = value(column);
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    public LocalDate date(String column) {
        LocalDate date = dateOrNull(column);
        if (date == null) {
            throw new IllegalStateException("Column " + column + " is null");
        }
        return date;
    }

    public Instant instantOrNull(String column) {
        Object value = value(column);
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    public UUID uuid(String column) {
        return (UUID) value(column);
    }

    /**
     * An array column's elements as text (empty for null). Hibernate hands arrays of a native query over as a
     * Java array, a JDBC array or a list depending on its type registry; all three are read alike.
     */
    public List<String> texts(String column) {
        Object value = value(column);
        if (value == null) {
            return List.of();
        }
        if (value instanceof java.sql.Array array) {
            try {
                value = array.getArray();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot read the array column " + column, e);
            }
        }
        Collection<?> elements = value instanceof Object[] objects ? Arrays.asList(objects) : (Collection<?>) value;
        return elements.stream().map(String::valueOf).toList();
    }

    private Object value(String column) {
        Integer position = columns.get(column.toLowerCase(Locale.ROOT));
        if (position == null) {
            // A typo in a column name is a programming error, found by the first test that runs the query.
            throw new IllegalArgumentException("No column " + column + " in " + columns.keySet());
        }
        return values[position];
    }
}
