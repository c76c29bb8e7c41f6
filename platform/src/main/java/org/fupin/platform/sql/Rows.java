package org.fupin.platform.sql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.persistence.Query;

import org.hibernate.query.NativeQuery;

/** Reads the rows of a native query into named records, through a {@link Row} per result row. */
public final class Rows {

    private Rows() {
    }

    public static <T> List<T> list(Query query, Function<Row, T> reader) {
        return reading(query, reader).getResultList();
    }

    /** For exports: rows one at a time as the cursor reads them; close the stream. */
    public static <T> Stream<T> stream(Query query, Function<Row, T> reader) {
        return reading(query, reader).getResultStream();
    }

    public static <T> T single(Query query, Function<Row, T> reader) {
        return reading(query, reader).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private static <T> NativeQuery<T> reading(Query query, Function<Row, T> reader) {
        // The column names are the same for every row: look them up once per query, not once per row.
        AtomicReference<Map<String, Integer>> columns = new AtomicReference<>();
        return ((NativeQuery<Object>) query.unwrap(NativeQuery.class)).setTupleTransformer((tuple, names) ->
                reader.apply(new Row(columns.updateAndGet(known -> known != null ? known : Row.columnsOf(names)), tuple)));
    }
}
