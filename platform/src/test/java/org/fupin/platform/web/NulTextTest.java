package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

class NulTextTest {

    record Request(String name, List<String> tags) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    NulTextTest() {
        new NulText().customize(mapper);
    }

    @Test
    void refusesTextHoldingANulCharacterAndNamesTheField() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\": \"a\\u0000b\", \"tags\": []}", Request.class))
                .isInstanceOfSatisfying(InvalidFormatException.class,
                        e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo("name"));
        assertThatThrownBy(() -> mapper.readValue("{\"name\": \"a\", \"tags\": [\"\\u0000\"]}", Request.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> mapper.treeToValue(mapper.readTree("\"\\u0000\""), String.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void readsAnyOtherTextAsBefore() throws Exception {
        Request request = mapper.readValue("{\"name\": \"云阳\\t\\u0001 \\\\u0000\", \"tags\": [\"x\"]}", Request.class);
        assertThat(request.name()).isEqualTo("云阳\t\u0001 \\u0000");
        assertThat(request.tags()).containsExactly("x");
    }
}
