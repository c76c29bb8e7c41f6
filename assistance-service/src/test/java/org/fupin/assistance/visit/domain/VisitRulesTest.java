package org.fupin.assistance.visit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fupin.kernel.Violation;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The rules of visits: complete, not in the future, by the household's helper of the day, idempotent on the client's id. */
class VisitRulesTest {

    private static final Instant NOW = Instant.parse("2020-06-30T04:00:00Z");

    @Test
    void aVisitNamesItsIdHelperHouseholdAndTime() {
        assertThat(VisitRules.check(visit(NOW.minusSeconds(3600), "走訪", false), NOW)).isEmpty();
        assertThat(codes(VisitRules.check(new NewVisit(null, null, null, null, null, false), NOW)))
                .containsExactly("id:required", "helperId:required", "householdId:required", "visitedAt:required");
        assertThat(codes(VisitRules.check(visit(NOW, "x".repeat(2001), false), NOW))).containsExactly("notes:length");
    }

    @Test
    void aVisitDidNotHappenInTheFutureBeyondClockSkew() {
        assertThat(VisitRules.check(visit(NOW.plus(VisitRules.CLOCK_SKEW), null, false), NOW)).isEmpty();
        assertThat(codes(VisitRules.check(visit(NOW.plus(VisitRules.CLOCK_SKEW).plusSeconds(1), null, false), NOW)))
                .containsExactly("visitedAt:date-in-future");
    }

    @Test
    void theSameVisitSentAgainIsRecognisedAndOtherContentIsNot() {
        NewVisit stored = VisitRules.normalised(visit(Instant.parse("2020-06-01T02:30:00.123456789Z"), " 走訪 ", false));
        NewVisit again = new NewVisit(stored.id(), stored.helperId(), stored.householdId(),
                Instant.parse("2020-06-01T02:30:00.123456Z"), "走訪", false);
        assertThat(VisitRules.sameVisit(again, stored)).isTrue();
        assertThat(VisitRules.sameVisit(withNotes(again, ""), withNotes(stored, null))).isTrue();
        assertThat(VisitRules.sameVisit(new NewVisit(again.id(), again.helperId(), again.householdId(), again.visitedAt(),
                again.notes(), true), stored)).isFalse();
        assertThat(VisitRules.sameVisit(new NewVisit(again.id(), again.helperId(), again.householdId(),
                again.visitedAt().plusSeconds(60), again.notes(), false), stored)).isFalse();
        assertThat(VisitRules.sameVisit(withNotes(again, "另一次"), stored)).isFalse();
    }

    @Property
    void aHelperVisitsOnTheDaysTheirPairingCovers(@ForAll @IntRange(min = -5, max = 5) int startOffset,
            @ForAll @IntRange(min = -5, max = 5) int endOffset, @ForAll boolean ended) {
        LocalDate day = LocalDate.of(2020, 6, 15);
        LocalDate start = day.plusDays(startOffset);
        LocalDate end = ended ? start.plusDays(Math.abs(endOffset)) : null;
        boolean expected = !day.isBefore(start) && (end == null || !day.isAfter(end));
        assertThat(VisitRules.pairedOn(start, end, day)).isEqualTo(expected);
    }

    @Test
    void aBatchHoldsAtMostFiveHundredVisits() {
        assertThat(VisitRules.batchTooLarge(500)).isFalse();
        assertThat(VisitRules.batchTooLarge(501)).isTrue();
    }

    private static NewVisit visit(Instant at, String notes, boolean risk) {
        return new NewVisit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), at, notes, risk);
    }

    private static NewVisit withNotes(NewVisit visit, String notes) {
        return new NewVisit(visit.id(), visit.helperId(), visit.householdId(), visit.visitedAt(), notes, visit.riskObserved());
    }

    private static List<String> codes(List<Violation> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
