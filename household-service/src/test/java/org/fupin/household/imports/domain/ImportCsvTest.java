package org.fupin.household.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.fupin.household.imports.ImportFiles;
import org.junit.jupiter.api.Test;

/** Reading an import file: the header row, row numbers as a spreadsheet shows them, quoting. */
class ImportCsvTest {

    private static final String VILLAGE = "500235100201";

    @Test
    void numbersRowsFromTwoAfterTheHeaderAndAcceptsAByteOrderMark() throws IOException {
        String file = "\uFEFF" + ImportFiles.header()
                + ImportFiles.line(ImportFiles.row("H1", VILLAGE, "张大山", ImportFiles.idNumber("500236", 0), "HEAD"))
                + ImportFiles.line(ImportFiles.row("H1", VILLAGE, "李秀英", ImportFiles.idNumber("500236", 1), "SPOUSE"));

        List<ImportRow> rows = read(file);

        assertThat(rows).extracting(ImportRow::number).containsExactly(2L, 3L);
        assertThat(rows.get(0).householdRef()).isEqualTo("H1");
        assertThat(rows.get(0).get(ImportColumn.NAME)).isEqualTo("张大山");
        assertThat(rows).allMatch(ImportRow::complete);
    }

    @Test
    void countsAQuotedCellWithCommasAndLineBreaksAsOneRow() throws IOException {
        Map<String, String> first = ImportFiles.row("H1", VILLAGE, "张大山", ImportFiles.idNumber("500236", 0), "HEAD");
        first.put("address", "桂林村三组12号,\n东侧\r\n\"老屋\"");
        String file = ImportFiles.header() + ImportFiles.line(first)
                + ImportFiles.line(ImportFiles.row("H1", VILLAGE, "李秀英", ImportFiles.idNumber("500236", 1), "SPOUSE"));

        List<ImportRow> rows = read(file);

        assertThat(rows).extracting(ImportRow::number).containsExactly(2L, 3L);
        assertThat(rows.get(0).get(ImportColumn.ADDRESS)).isEqualTo("桂林村三组12号,\n东侧\r\n\"老屋\"");
        assertThat(rows.get(1).get(ImportColumn.NAME)).isEqualTo("李秀英");
    }

    @Test
    void skipsBlankLinesButKeepsTheirRowNumbers() throws IOException {
        String file = ImportFiles.header()
                + ImportFiles.line(ImportFiles.row("H1", VILLAGE, "张大山", ImportFiles.idNumber("500236", 0), "HEAD"))
                + "\n"
                + ImportFiles.line(ImportFiles.row("H2", VILLAGE, "李秀英", ImportFiles.idNumber("500236", 1), "HEAD"));

        assertThat(read(file)).extracting(ImportRow::number).containsExactly(2L, 4L);
        try (ImportCsv csv = ImportCsv.open(new StringReader(file))) {
            assertThat(csv.countRows()).isEqualTo(2);
        }
    }

    @Test
    void acceptsTheColumnsInAnyOrder() throws IOException {
        List<String> columns = new ArrayList<>(ImportColumn.headers());
        java.util.Collections.reverse(columns);
        Map<String, String> row = ImportFiles.row("H1", VILLAGE, "张大山", ImportFiles.idNumber("500236", 0), "HEAD");
        String file = String.join(",", columns) + "\n" + String.join(",", columns.stream().map(row::get).toList()) + "\n";

        List<ImportRow> rows = read(file);

        assertThat(rows.get(0).get(ImportColumn.VILLAGE_CODE)).isEqualTo(VILLAGE);
        assertThat(rows.get(0).get(ImportColumn.MIGRANT_WORKER)).isEqualTo("0");
    }

    @Test
    void namesMissingUnknownAndRepeatedColumnsOfTheHeader() throws IOException {
        List<String> columns = new ArrayList<>(ImportColumn.headers());
        columns.remove("migrantWorker");
        columns.remove("phone");
        columns.add("surprise");
        columns.add("name");
        try (ImportCsv csv = ImportCsv.open(new StringReader(String.join(",", columns) + "\n"))) {
            assertThat(csv.header().valid()).isFalse();
            assertThat(csv.header().missing()).containsExactly("phone", "migrantWorker");
            assertThat(csv.header().unknown()).containsExactly("surprise");
            assertThat(csv.header().repeated()).containsExactly("name");
        }
        try (ImportCsv csv = ImportCsv.open(new StringReader(""))) {
            assertThat(csv.header().missing()).hasSize(ImportColumn.COUNT);
        }
    }

    @Test
    void marksARowWithTooFewFields() throws IOException {
        String file = ImportFiles.header() + "H1,500235100201,addr\n";

        List<ImportRow> rows = read(file);

        assertThat(rows.get(0).complete()).isFalse();
        assertThat(rows.get(0).size()).isEqualTo(3);
    }

    @Test
    void reportsTheRowWhereTheQuotingBreaks() throws IOException {
        String file = ImportFiles.header()
                + ImportFiles.line(ImportFiles.row("H1", VILLAGE, "张大山", ImportFiles.idNumber("500236", 0), "HEAD"))
                + "H2,\"never closed\n";
        try (ImportCsv csv = ImportCsv.open(new StringReader(file))) {
            Iterator<ImportRow> rows = csv.rows();
            assertThat(rows.next().number()).isEqualTo(2);
            assertThatThrownBy(rows::hasNext)
                    .isInstanceOf(ImportCsv.MalformedCsvException.class)
                    .satisfies(e -> assertThat(((ImportCsv.MalformedCsvException) e).row()).isEqualTo(3));
        }
    }

    static List<ImportRow> read(String file) throws IOException {
        try (ImportCsv csv = ImportCsv.open(new StringReader(file))) {
            assertThat(csv.header().valid()).as("header").isTrue();
            List<ImportRow> rows = new ArrayList<>();
            csv.rows().forEachRemaining(rows::add);
            return rows;
        }
    }
}
