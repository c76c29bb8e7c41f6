package org.fupin.platform.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.fupin.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToFiftyAndRefusesLimitsOutsideOneToFiveHundred() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of(500, null).limit()).isEqualTo(500);
        assertThatThrownBy(() -> PageRequest.of(501, null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo("invalid-parameter"));
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void givesACursorOnlyWhenAnotherPageExistsAndReadsItBack() {
        PageRequest first = PageRequest.of(2, null);
        Page<String> page = first.page(List.of("a", "b", "c"), s -> s);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(PageRequest.of(2, page.nextCursor()).after()).isEqualTo("b");
        assertThat(first.page(List.of("a", "b"), s -> s).nextCursor()).isNull();
    }

    @Test
    void refusesACursorItDidNotIssue() {
        assertThatThrownBy(() -> PageRequest.of(10, "not-a-cursor!")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo("invalid-cursor"));
    }

    @Test
    void refusesAWellFormedCursorWhoseKeyHoldsANulCharacter() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("k:a\u0000b".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PageRequest.of(10, forged)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo("invalid-cursor"));
    }

    @Test
    void aLimitFromTheQueryMustBeAWholeNumber() {
        assertThat(PageRequest.fromQuery(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.fromQuery(" 20 ", null).limit()).isEqualTo(20);
        for (String bad : new String[] { "abc", "1.5", "99999999999", "-" }) {
            assertThatThrownBy(() -> PageRequest.fromQuery(bad, null)).as(bad).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid-parameter"));
        }
        assertThatThrownBy(() -> PageRequest.fromQuery("0", null)).isInstanceOf(ProblemException.class);
    }
}
