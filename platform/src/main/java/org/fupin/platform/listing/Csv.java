package org.fupin.platform.listing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The CSV form of a list (RFC 4180, UTF-8, header row first), streamed from the database row by
 * row so that an export of any size holds one row in memory at a time.
 */
public final class Csv<T> {

    /** The media type lists offer besides JSON; below 1 so that a client accepting anything gets JSON. */
    public static final String MEDIA_TYPE = "text/csv;qs=0.5";

    private final List<String> names = new ArrayList<>();
    private final List<Function<T, Object>> values = new ArrayList<>();

    private Csv() {
    }

    /** The columns of rows of {@code rowType}, to be added one by one. */
    public static <T> Csv<T> of(Class<T> rowType) {
        return new Csv<>();
    }

    public Csv<T> column(String name, Function<T, Object> value) {
        names.add(name);
        values.add(value);
        return this;
    }

    /**
     * Streams the rows {@code source} hands to its sink, inside a transaction of its own: the
     * request's transaction is over by the time the body is written. {@code source} must not use
     * request-scoped beans; resolve the caller's scope before.
     */
    public Response response(String fileName, Consumer<Consumer<T>> source) {
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            line(out, names);
            QuarkusTransaction.requiringNew().timeout(3600).run(() -> source.accept(row -> {
                try {
                    line(out, values.stream().map(value -> text(value.apply(row))).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            out.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /** Writes a small table whole, header first, with the same quoting as a streamed list. */
    public static void table(Writer out, List<String> header, List<? extends List<?>> rows) throws IOException {
        line(out, header);
        for (List<?> row : rows) {
            line(out, row.stream().map(Csv::text).toList());
        }
        out.flush();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * Quotes where RFC 4180 needs it, and neutralises a leading =, +, - or @ so that a spreadsheet
     * opening the export never runs a description as a formula (CSV injection).
     */
    static String quoted(String field) {
        String value = field;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
