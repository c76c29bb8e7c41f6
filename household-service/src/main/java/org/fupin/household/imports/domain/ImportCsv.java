package org.fupin.household.imports.domain;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file as a stream of rows (RFC 4180, UTF-8, an optional byte order mark): the
 * header row first, then one row per member. Only the current row is in memory. Blank lines are
 * skipped but keep their row number, so that numbers match what a spreadsheet shows.
 */
public final class ImportCsv implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Header header;
    private final int[] positions;

    private ImportCsv(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        List<String> names = records.hasNext() ? records.next().toList() : List.of();
        this.header = Header.of(names);
        this.positions = header.positions();
    }

    /** Opens the file; the caller closes it. A malformed header row is reported by {@link #header()}, not thrown. */
    public static ImportCsv open(Reader reader) throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 64 * 1024);
        buffered.mark(1);
        if (buffered.read() != BYTE_ORDER_MARK) {
            buffered.reset();
        }
        try {
            return new ImportCsv(FORMAT.parse(buffered));
        } catch (UncheckedIOException e) {
            throw new MalformedCsvException(1, e.getCause());
        }
    }

    public Header header() {
        return header;
    }

    /** The data rows in file order; the header must be valid. Throws {@link MalformedCsvException} on broken quoting. */
    public Iterator<ImportRow> rows() {
        if (!header.valid()) {
            throw new IllegalStateException("The header row is not valid: " + header);
        }
        return new Iterator<>() {
            private ImportRow next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    CSVRecord record = nextRecord();
                    if (record == null) {
                        return false;
                    }
                    if (!blank(record)) {
                        next = row(record);
                    }
                }
                return true;
            }

            @Override
            public ImportRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ImportRow row = next;
                next = null;
                return row;
            }
        };
    }

    /** How many data rows the file has (the {@code total} of a job); reads the file to its end. */
    public long countRows() {
        long count = 0;
        for (Iterator<ImportRow> rows = rows(); rows.hasNext(); rows.next()) {
            count++;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedCsvException(parser.getRecordNumber() + 1, e.getCause() == null ? e : e.getCause());
        }
    }

    private ImportRow row(CSVRecord record) {
        String[] values = new String[ImportColumn.COUNT];
        for (int column = 0; column < ImportColumn.COUNT; column++) {
            if (positions[column] < record.size()) {
                values[column] = record.get(positions[column]);
            }
        }
        return new ImportRow(record.getRecordNumber(), values, record.size());
    }

    private static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    /** The header row checked against the columns: what is missing, unknown or repeated. */
    public record Header(List<String> missing, List<String> unknown, List<String> repeated, int[] positions) {

        static Header of(List<String> names) {
            int[] positions = new int[ImportColumn.COUNT];
            Arrays.fill(positions, -1);
            List<String> unknown = new ArrayList<>();
            List<String> repeated = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip();
                ImportColumn column = ImportColumn.ofHeader(name);
                if (!seen.add(name)) {
                    repeated.add(name);
                } else if (column == null) {
                    unknown.add(name);
                } else {
                    positions[column.ordinal()] = i;
                }
            }
            List<String> missing = Arrays.stream(ImportColumn.values())
                    .filter(column -> positions[column.ordinal()] < 0)
                    .map(ImportColumn::header)
                    .toList();
            return new Header(missing, List.copyOf(unknown), List.copyOf(repeated), positions);
        }

        public boolean valid() {
            return missing.isEmpty() && unknown.isEmpty() && repeated.isEmpty();
        }

        @Override
        public int[] positions() {
            return positions.clone();
        }
    }

    /** The file is not CSV from the given row on (a quote opened and never closed, for instance). */
    public static final class MalformedCsvException extends RuntimeException {

        private final long row;

        public MalformedCsvException(long row, Throwable cause) {
            super("The file is not valid CSV at row " + row + ": " + cause.getMessage(), cause);
            this.row = row;
        }

        public long row() {
            return row;
        }
    }
}
