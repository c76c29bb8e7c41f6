package org.fupin.household.duplicates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.fupin.kernel.Refusal;
import org.junit.jupiter.api.Test;

/** The day a merge or move takes effect: the person counted once on every day, and never on none. */
class DuplicateDecisionsTest {

    private static final LocalDate FIRST = LocalDate.of(2016, 5, 1);
    private static final LocalDate SECOND = LocalDate.of(2021, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aMergeRetiresARecordFromTheDayThePersonsOtherRecordBeganOrItsOwnFirstDayIfLater() {
        // The later record retired: it never counted.
        assertThat(DuplicateDecisions.retiredFrom(SECOND, FIRST)).isEqualTo(SECOND);
        // The earlier record retired: it counted alone until the later one began.
        assertThat(DuplicateDecisions.retiredFrom(FIRST, SECOND)).isEqualTo(SECOND);
        assertThat(DuplicateDecisions.retiredFrom(FIRST, FIRST)).isEqualTo(FIRST);
    }

    @Test
    void aMoveTakesEffectOnTheDayGivenWithinTheLeavingRecordsLifeElseAsAMerge() {
        assertThat(DuplicateDecisions.movedOn(null, FIRST, SECOND, TODAY)).isEqualTo(SECOND);
        assertThat(DuplicateDecisions.movedOn(LocalDate.of(2022, 5, 1), FIRST, SECOND, TODAY)).isEqualTo(LocalDate.of(2022, 5, 1));
        assertThat(DuplicateDecisions.movedOn(FIRST, FIRST, SECOND, TODAY)).isEqualTo(FIRST);
        assertThat(DuplicateDecisions.movedOn(TODAY, FIRST, SECOND, TODAY)).isEqualTo(TODAY);
        assertThatThrownBy(() -> DuplicateDecisions.movedOn(FIRST.minusDays(1), FIRST, SECOND, TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("effectiveDate")));
        assertThatThrownBy(() -> DuplicateDecisions.movedOn(TODAY.plusDays(1), FIRST, SECOND, TODAY)).isInstanceOf(Refusal.class);
    }
}
