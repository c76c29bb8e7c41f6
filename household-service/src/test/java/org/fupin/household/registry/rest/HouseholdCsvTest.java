package org.fupin.household.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HouseholdCsvTest {

    @Test
    void quotesWhereRfc4180NeedsIt() {
        assertThat(HouseholdCsv.quoted("桂林村")).isEqualTo("桂林村");
        assertThat(HouseholdCsv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(HouseholdCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(HouseholdCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void keepsSpreadsheetsFromRunningAFieldAsAFormula() {
        assertThat(HouseholdCsv.quoted("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(HouseholdCsv.quoted("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(HouseholdCsv.quoted("-12.50")).isEqualTo("-12.50");
    }
}
