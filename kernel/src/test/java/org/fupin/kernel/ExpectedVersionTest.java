package org.fupin.kernel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void aRecordThatMovedOnRefusesTheChangeAsStale() {
        assertThatThrownBy(() -> ExpectedVersion.of(3).check(4))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    org.assertj.core.api.Assertions.assertThat(refusal.kind()).isEqualTo(Refusal.Kind.STALE);
                    org.assertj.core.api.Assertions.assertThat(refusal.code()).isEqualTo("precondition-failed");
                });
    }

    @Test
    void theExpectedVersionOrAnyVersionPasses() {
        assertThatCode(() -> ExpectedVersion.of(4).check(4)).doesNotThrowAnyException();
        assertThatCode(() -> ExpectedVersion.oneOf(Set.of(2L, 4L)).check(4)).doesNotThrowAnyException();
        assertThatCode(() -> ExpectedVersion.any().check(17)).doesNotThrowAnyException();
    }
}
