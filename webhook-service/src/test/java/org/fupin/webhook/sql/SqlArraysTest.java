package org.fupin.webhook.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlArraysTest {

    @Test
    void quotesEveryElementSoSeparatorsAndQuotesStayInside() {
        assertThat(SqlArrays.literal(List.of("household.registered", "a,b", "say \"hi\"", "back\\slash", "{x}")))
                .isEqualTo("{\"household.registered\",\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"{x}\"}");
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertThat(SqlArrays.literal(List.of())).isEqualTo("{}");
    }
}
