package org.fupin.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.reporting.readmodel.HouseholdTimeline.Change;
import org.fupin.reporting.readmodel.HouseholdTimeline.Membership;
import org.fupin.reporting.readmodel.HouseholdTimeline.StatusEntry;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HouseholdTimelineTest {

    private static final LocalDate MAR_1 = LocalDate.of(2019, 3, 1);
    private static final LocalDate SEP_1 = LocalDate.of(2019, 9, 1);
    private static final LocalDate SEP_8 = LocalDate.of(2019, 9, 8);

    @Test
    void aRegisteredHouseholdCountsFromItsRegistrationWithItsMembers() {
        assertThat(HouseholdTimeline.changes(List.of(new StatusEntry(MAR_1, 1, "POOR")),
                List.of(new Membership(MAR_1, null), new Membership(MAR_1, null))))
                .containsExactly(new Change(MAR_1, "POOR", 1, 2));
    }

    @Test
    void anExitMovesTheHouseholdAndItsPeopleOnTheEffectiveDates() {
        List<Change> changes = HouseholdTimeline.changes(List.of(
                new StatusEntry(MAR_1, 1, "POOR"), new StatusEntry(SEP_1, 2, "EXIT_PENDING"), new StatusEntry(SEP_8, 3, "EXITED")),
                List.of(new Membership(MAR_1, null), new Membership(MAR_1, null), new Membership(MAR_1, null)));
        assertThat(changes).containsExactly(
                new Change(MAR_1, "POOR", 1, 3),
                new Change(SEP_1, "EXIT_PENDING", 1, 3), new Change(SEP_1, "POOR", -1, -3),
                new Change(SEP_8, "EXITED", 1, 3), new Change(SEP_8, "EXIT_PENDING", -1, -3));
    }

    @Test
    void aMemberCountsFromJoiningUntilTheDayBeforeLeavingInTheStatusOfEachDay() {
        LocalDate born = LocalDate.of(2019, 5, 10);
        LocalDate died = LocalDate.of(2019, 11, 2);
        List<Change> changes = HouseholdTimeline.changes(
                List.of(new StatusEntry(MAR_1, 1, "POOR"), new StatusEntry(SEP_8, 2, "EXITED")),
                List.of(new Membership(MAR_1, null), new Membership(born, died)));
        assertThat(changes).containsExactly(
                new Change(MAR_1, "POOR", 1, 1),
                new Change(born, "POOR", 0, 1),
                new Change(SEP_8, "EXITED", 1, 2), new Change(SEP_8, "POOR", -1, -2),
                new Change(died, "EXITED", 0, -1));
    }

    @Test
    void ofTwoEntriesOnOneDateTheLaterRecordedWinsAndAnEntryRecordedLateTakesItsPlaceByDate() {
        // An objection on the day of the proposal, and a backdated return recorded after a later exit.
        List<Change> changes = HouseholdTimeline.changes(List.of(
                new StatusEntry(MAR_1, 1, "POOR"),
                new StatusEntry(SEP_1, 2, "EXIT_PENDING"), new StatusEntry(SEP_1, 3, "POOR"),
                new StatusEntry(SEP_8, 5, "EXITED"), new StatusEntry(SEP_8.minusDays(1), 4, "EXIT_PENDING")),
                List.of(new Membership(MAR_1, null)));
        assertThat(changes).containsExactly(
                new Change(MAR_1, "POOR", 1, 1),
                new Change(SEP_8.minusDays(1), "EXIT_PENDING", 1, 1), new Change(SEP_8.minusDays(1), "POOR", -1, -1),
                new Change(SEP_8, "EXITED", 1, 1), new Change(SEP_8, "EXIT_PENDING", -1, -1));
    }

    @Test
    void nothingCountsBeforeTheFirstStatusNorWithoutOne() {
        assertThat(HouseholdTimeline.changes(List.of(), List.of(new Membership(MAR_1, null)))).isEmpty();
        assertThat(HouseholdTimeline.changes(List.of(new StatusEntry(SEP_1, 1, "POOR")),
                List.of(new Membership(MAR_1, null), new Membership(MAR_1, SEP_1))))
                .containsExactly(new Change(SEP_1, "POOR", 1, 1));
    }

    /** The defining property: summing the changes up to any date gives what the household counts on that date. */
    @Property(tries = 500)
    void theChangesUpToAnyDateSumToTheCountsOnThatDate(@ForAll("histories") List<StatusEntry> history,
            @ForAll("memberships") List<Membership> members, @ForAll("days") int dayOffset) {
        LocalDate date = MAR_1.plusDays(dayOffset);
        Map<String, int[]> summed = new HashMap<>();
        for (Change change : HouseholdTimeline.changes(history, members)) {
            if (!change.day().isAfter(date)) {
                int[] sum = summed.computeIfAbsent(change.status(), s -> new int[2]);
                sum[0] += change.households();
                sum[1] += change.people();
            }
        }
        summed.values().removeIf(sum -> sum[0] == 0 && sum[1] == 0);

        Map<String, int[]> expected = new HashMap<>();
        StatusEntry current = history.stream()
                .filter(entry -> !entry.effectiveDate().isAfter(date))
                .max((a, b) -> a.effectiveDate().equals(b.effectiveDate()) ? Long.compare(a.seq(), b.seq())
                        : a.effectiveDate().compareTo(b.effectiveDate()))
                .orElse(null);
        if (current != null) {
            int people = (int) members.stream()
                    .filter(m -> !m.joinedOn().isAfter(date) && (m.leftOn() == null || m.leftOn().isAfter(date))).count();
            expected.put(current.status(), new int[] { 1, people });
        }
        assertThat(summed).usingRecursiveComparison().isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<StatusEntry>> histories() {
        Arbitrary<String> statuses = Arbitraries.of("POOR", "EXIT_PENDING", "EXITED", "MONITORED", "RETURNED", "REMOVED");
        return Combinators.combine(days(), statuses).as((day, status) -> new Object[] { day, status })
                .list().ofMinSize(0).ofMaxSize(6)
                .map(entries -> {
                    List<StatusEntry> history = new ArrayList<>();
                    for (int i = 0; i < entries.size(); i++) {
                        history.add(new StatusEntry(MAR_1.plusDays((int) entries.get(i)[0]), i + 1, (String) entries.get(i)[1]));
                    }
                    return history;
                });
    }

    @Provide
    Arbitrary<List<Membership>> memberships() {
        return Combinators.combine(days(), Arbitraries.integers().between(1, 60).injectNull(0.5))
                .as((joined, stay) -> new Membership(MAR_1.plusDays(joined), stay == null ? null : MAR_1.plusDays(joined + stay)))
                .list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 90);
    }
}
