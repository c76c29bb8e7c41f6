package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class StrictJsonTest {

    enum Kind { CADRE, TEACHER }

    record Body(String name, Integer max, int count, boolean flag, Boolean optional, BigDecimal amount, LocalDate day,
            Instant at, Kind kind, UUID id) {
    }

    private static final String VALID = """
            {"name":"王建國","max":5,"count":3,"flag":true,"optional":false,"amount":12.5,"day":"2019-06-25",
             "at":"2019-06-25T08:00:00Z","kind":"CADRE","id":"7c9e6679-7425-40de-944b-e07fc1f90ae7"}""";

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void readsABodyWrittenAsTheContractSays() throws Exception {
        Body body = mapper().readValue(VALID, Body.class);

        assertThat(body.name()).isEqualTo("王建國");
        assertThat(body.max()).isEqualTo(5);
        assertThat(body.day()).isEqualTo(LocalDate.of(2019, 6, 25));
        assertThat(body.at()).isEqualTo(Instant.parse("2019-06-25T08:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "name    | false",
            "name    | 12",
            "name    | 1.5",
            "max     | 5.7",
            "max     | '\"3\"'",
            "max     | true",
            "count   | 2.0",
            "count   | '\"2\"'",
            "flag    | 1",
            "flag    | '\"true\"'",
            "optional| 0",
            "amount  | '\"12.50\"'",
            "amount  | true",
            "day     | 18072",
            "day     | '[2019,6,25]'",
            "at      | 1561449600",
            "at      | 1561449600.5",
            "kind    | 0",
            "id      | 12" })
    void refusesAValueOfTheWrongJsonType(String field, String value) {
        String json = VALID.replaceFirst("\"" + field.strip() + "\":[^,}]+(\\][^,}]*)?", "\"" + field.strip() + "\":" + value.strip());

        assertThat(json).as("the test replaced the field").isNotEqualTo(VALID);
        assertThatThrownBy(() -> mapper().readValue(json, Body.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesAKeyGivenTwice() {
        String json = VALID.replace("{\"name\":\"王建國\",", "{\"name\":\"王建國\",\"name\":\"李四\",");

        assertThatThrownBy(() -> mapper().readValue(json, Body.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageStartingWith(StrictJson.DUPLICATE_KEY + "name'");
    }
}
