package org.fupin.platform.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhereRfc4180NeedsIt() {
        assertThat(Csv.quoted("桂林村")).isEqualTo("桂林村");
        assertThat(Csv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void keepsSpreadsheetsFromRunningAFieldAsAFormula() {
        assertThat(Csv.quoted("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.quoted("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.quoted("-12.50")).isEqualTo("-12.50");
    }
}
