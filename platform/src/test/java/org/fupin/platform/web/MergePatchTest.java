package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;

import org.fupin.problem.FieldErrors;
import org.fupin.problem.ProblemException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MergePatchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void twoHundredThousandUnknownKeysAreAnsweredWithFiftyAndACount() {
        ObjectNode body = mapper.createObjectNode();
        for (int i = 0; i < 200_000; i++) {
            body.put("unknown" + i, i);
        }
        body.put("name", "王建國");

        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> MergePatch.of(body, Set.of("name"), mapper));

        assertThat(refusal.code()).isEqualTo("unknown-field");
        assertThat(refusal.errors()).hasSize(FieldErrors.MAX);
        assertThat(refusal.moreErrors()).isEqualTo(200_000 - FieldErrors.MAX);
        assertThat(refusal.getMessage()).hasSizeLessThan(200);
    }
}
