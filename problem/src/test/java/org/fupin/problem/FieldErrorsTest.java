package org.fupin.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void anAnswerListsAtMostFiftyErrorsAndCountsTheOthers() {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < 200_000; i++) {
            errors.add(new FieldError("key" + i, "unknown-field", "This field cannot be changed here."));
        }

        Problem problem = ProblemDocuments.render(errors.problem(400, "unknown-field", "Unknown fields."), Language.EN, "r-1");

        assertThat(problem.errors()).hasSize(FieldErrors.MAX);
        assertThat(problem.errors().get(0).field()).isEqualTo("key0");
        assertThat(problem.moreErrors()).isEqualTo(200_000 - FieldErrors.MAX);
    }

    @Test
    void aLongListGivenToAProblemIsCutTheSameWay() {
        List<FieldError> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new FieldError("members[" + i + "].name", "required", "Required."));
        }

        ProblemException problem = ProblemException.invalid(many);

        assertThat(problem.errors()).hasSize(FieldErrors.MAX);
        assertThat(problem.moreErrors()).isEqualTo(10);
    }

    @Test
    void allErrorsListedMeansNoCount() {
        Problem problem = ProblemDocuments.render(ProblemException.invalid(List.of(new FieldError("name", "required", "Required."))),
                Language.EN, null);

        assertThat(problem.errors()).hasSize(1);
        assertThat(problem.moreErrors()).isNull();
    }

    @Test
    void aHugeFieldNameIsNotEchoedWhole() {
        FieldError error = new FieldError("k".repeat(100_000), "unknown-field", "Unknown.");

        assertThat(error.field()).hasSize(FieldError.MAX_FIELD_LENGTH + 1).endsWith("…");
    }
}
