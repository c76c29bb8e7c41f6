package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class EmptyStringsTest {

    enum Kind { CADRE }

    record Request(UUID groupId, LocalDate startDate, Kind kind, Integer maxHouseholds, BigDecimal amount, Boolean migrantWorker,
            List<String> causes, String phone) {
    }

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    EmptyStringsTest() {
        new EmptyStrings().customize(mapper);
    }

    @Test
    void refusesAnEmptyStringForAnythingButTextAndNamesTheField() {
        for (String field : List.of("groupId", "startDate", "kind", "maxHouseholds", "amount", "migrantWorker", "causes")) {
            assertThatThrownBy(() -> mapper.readValue("{\"" + field + "\": \"\"}", Request.class)).as(field)
                    .isInstanceOfSatisfying(JsonMappingException.class, e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo(field));
        }
    }

    @Test
    void keepsEmptyTextAndReadsNullAndMissingFieldsAsBefore() throws Exception {
        assertThat(mapper.readValue("{\"phone\": \"\"}", Request.class).phone()).isEmpty();
        Request request = mapper.readValue("{\"groupId\": null}", Request.class);
        assertThat(request.groupId()).isNull();
        assertThat(request.startDate()).isNull();
        assertThat(mapper.readValue("{\"groupId\": \"0192f0c4-7d0e-7c3a-9a44-1f0e2a3b4c5d\", \"startDate\": \"2020-09-01\"}",
                Request.class).startDate()).isEqualTo(LocalDate.of(2020, 9, 1));
    }
}
