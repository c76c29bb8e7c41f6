package org.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fupin.kernel.Refusal;
import org.fupin.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void aChangeWithoutIfMatchIs428() {
        assertThatThrownBy(() -> ETags.expected(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(428));
        assertThat(ETags.given(" ")).isEmpty();
    }

    @Test
    void theVersionsAnIfMatchNamesAreTheOnesAChangeMayFind() {
        assertThatCode(() -> ETags.expected("\"3\"").check(3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.expected("W/\"3\"").check(3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.expected("\"1\", \"3\"").check(3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.expected("*").check(17)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.expected("\"2\"").check(3)).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.STALE));
        assertThatThrownBy(() -> ETags.expected("\"x\"").check(3)).isInstanceOf(Refusal.class);
    }
}
