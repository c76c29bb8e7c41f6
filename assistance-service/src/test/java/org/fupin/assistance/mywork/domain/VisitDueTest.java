package org.fupin.assistance.mywork.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class VisitDueTest {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z"); // noon in the county

    @Test
    void aHouseholdNeverVisitedFallsDueAMonthAfterTheDayItWasPaired() {
        VisitDue due = VisitDue.of(LocalDate.of(2026, 11, 20), null, MONTH, COUNTY, NOW);
        // The OVERDUE_VISIT alert counts from the start of the day after the pairing.
        assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-12-20T16:00:00Z"));
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(due.overdue()).isFalse();
        assertThat(due.dueWithin(Duration.ofDays(7), NOW)).isFalse();
        assertThat(due.dueWithin(Duration.ofDays(14), NOW)).isTrue();
    }

    @Test
    void theLastVisitMovesTheDueDayOnAndAVisitBeforeThePairingDoesNot() {
        Instant visited = Instant.parse("2026-11-30T02:00:00Z");
        assertThat(VisitDue.of(LocalDate.of(2026, 10, 1), visited, MONTH, COUNTY, NOW).dueAt()).isEqualTo(visited.plus(MONTH));
        VisitDue before = VisitDue.of(LocalDate.of(2026, 12, 1), visited, MONTH, COUNTY, NOW);
        assertThat(before.dueOn()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void pastItsDueMomentAVisitIsOverdueAndAlwaysListed() {
        VisitDue due = VisitDue.of(LocalDate.of(2026, 9, 1), Instant.parse("2026-10-01T00:00:00Z"), MONTH, COUNTY, NOW);
        assertThat(due.overdue()).isTrue();
        assertThat(due.dueWithin(Duration.ZERO, NOW)).isTrue();
    }
}
