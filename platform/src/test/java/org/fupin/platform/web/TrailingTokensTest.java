package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TrailingTokensTest {

    record Request(String name) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    TrailingTokensTest() {
        new TrailingTokens().customize(mapper);
    }

    @Test
    void refusesASecondValueAfterTheFirstWithTheRefusalProblemMappersRecognises() {
        assertThatThrownBy(() -> mapper.readValue("{\"address\": \"x\"} {\"address\": \"y\"}", JsonNode.class))
                .isInstanceOfSatisfying(JsonMappingException.class, e -> assertThat(e.getOriginalMessage()).startsWith(TrailingTokens.REFUSAL));
        assertThatThrownBy(() -> mapper.readValue("{\"name\": \"云阳\"} 42", Request.class))
                .isInstanceOfSatisfying(JsonMappingException.class, e -> assertThat(e.getOriginalMessage()).startsWith(TrailingTokens.REFUSAL));
        // Stray characters that are no JSON token at all fail in the parser, as malformed JSON did before.
        assertThatThrownBy(() -> mapper.readValue("{\"name\": \"云阳\"}}garbage", Request.class)).isInstanceOf(JsonParseException.class);
    }

    @Test
    void readsAWholeBodyAsBeforeWhitespaceIncluded() throws Exception {
        assertThat(mapper.readValue("{\"name\": \"云阳\"}\n  \r\n", Request.class).name()).isEqualTo("云阳");
    }
}
