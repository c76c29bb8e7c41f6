package org.fupin.reporting.report;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.fupin.platform.listing.Csv;

/** Writes any {@link CsvReport} as CSV when the client asks for text/csv. */
@Provider
@Produces("text/csv")
public class CsvReportWriter implements MessageBodyWriter<CsvReport> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvReport.class.isAssignableFrom(type) && mediaType.isCompatible(MediaType.valueOf("text/csv"));
    }

    @Override
    public void writeTo(CsvReport report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream body) throws java.io.IOException {
        headers.putSingle("Content-Type", "text/csv; charset=utf-8");
        Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
        Csv.table(out, report.csvHeader(), report.csvRows());
    }
}
