package org.fupin.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PsqlTest {

    @Test
    void identifiersAreQuotedSoThatNoNameEndsTheStatement() {
        assertThat(Psql.identifier("fupin_household_e2e")).isEqualTo("\"fupin_household_e2e\"");
        assertThat(Psql.identifier("x\"; DROP DATABASE postgres; --")).isEqualTo("\"x\"\"; DROP DATABASE postgres; --\"");
    }

    @Test
    void literalsDoubleTheirQuotes() {
        assertThat(Psql.literal("it's")).isEqualTo("'it''s'");
    }
}
