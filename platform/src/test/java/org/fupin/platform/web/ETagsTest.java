package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fupin.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void requiresAnIfMatchThatNamesTheCurrentVersion() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOfSatisfying(ProblemException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(ProblemException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(412));
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
    }
}
