package org.fupin.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Small counts are withheld, and never given back by a published total minus the published cells. */
class SmallCellsTest {

    private static Map<String, Long> cells(long... counts) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            cells.put(String.valueOf(i + 1), counts[i]);
        }
        return cells;
    }

    @Test
    void aSingleCountFromOneToKMinusOneIsWithheldZeroAndLargerCountsAreNot() {
        assertThat(SmallCells.small(0, 5)).isFalse();
        assertThat(SmallCells.small(1, 5)).isTrue();
        assertThat(SmallCells.small(4, 5)).isTrue();
        assertThat(SmallCells.small(5, 5)).isFalse();
    }

    @Test
    void aTableWithoutSmallCellsIsShownWhole() {
        assertThat(SmallCells.table(cells(0, 7, 12, 5), 24, 5)).isEqualTo(SmallCells.Suppression.NONE);
    }

    @Test
    void oneSmallCellTakesTheNextSmallestWithItSoThatTheTotalGivesNeitherBack() {
        // 2 is small; alone it would be the total minus the others: 9 goes with it (2 + 9 >= 5), 20 stays.
        SmallCells.Suppression suppression = SmallCells.table(cells(2, 0, 9, 20), 31, 5);
        assertThat(suppression.cells()).containsExactlyInAnyOrder("1", "3");
        assertThat(suppression.total()).isFalse();
    }

    @Test
    void smallCellsThatStillAddUpToLessThanKTakeMoreCells() {
        // 1 and 2 are small and add up to 3 < 5: the 6 goes too.
        SmallCells.Suppression suppression = SmallCells.table(cells(1, 2, 6, 30), 39, 5);
        assertThat(suppression.cells()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(suppression.total()).isFalse();
    }

    @Test
    void whenNoCellIsLeftToHideASmallOneTheTotalIsWithheldToo() {
        SmallCells.Suppression suppression = SmallCells.table(cells(0, 1, 0, 0), 1, 5);
        assertThat(suppression.cells()).containsExactly("2");
        assertThat(suppression.total()).isTrue();
        // Two small cells adding up to a small total: both, and the total.
        assertThat(SmallCells.table(cells(2, 1, 0, 0), 3, 5)).isEqualTo(new SmallCells.Suppression(java.util.Set.of("1", "2"), true));
    }

    @Test
    void sumsThatShareFiguresAreProtectedTogether() {
        // A township T of villages A (2) and B (6); B's figure of 6 is also the sum of its two grades 4 + 2.
        Map<String, Long> values = Map.of("T", 8L, "A", 2L, "B", 6L, "B1", 4L, "B2", 2L);
        var sums = java.util.List.of(new SmallCells.Sum<>("T", java.util.List.of("A", "B")),
                new SmallCells.Sum<>("B", java.util.List.of("B1", "B2")));

        // A and B's grades are small; T minus B would give A back, so B goes too (8 people between them); T stays.
        java.util.Set<String> withheld = SmallCells.pattern(values, sums, 5);
        assertThat(withheld).containsExactlyInAnyOrder("A", "B", "B1", "B2");
        for (var sum : sums) {
            long hidden = sum.cells().stream().filter(withheld::contains).count();
            assertThat(hidden == 0 && !withheld.contains(sum.total()) || hidden >= 1 && withheld.contains(sum.total())
                    || hidden >= 2).as("no withheld figure of " + sum + " is the total minus the shown ones").isTrue();
        }
    }

    @Test
    void aTotalWithheldForItsOwnSumTakesOneOfItsCellsWithItOrTheyWouldAddUpToIt() {
        // T (3) is small; its cells 1 and 2 are small too. P = T + U (3 + 10): T's withholding takes U along.
        Map<String, Long> values = Map.of("P", 13L, "T", 3L, "U", 10L, "T1", 1L, "T2", 2L, "U1", 10L);
        var sums = java.util.List.of(new SmallCells.Sum<>("P", java.util.List.of("T", "U")),
                new SmallCells.Sum<>("T", java.util.List.of("T1", "T2")), new SmallCells.Sum<>("U", java.util.List.of("U1")));

        java.util.Set<String> withheld = SmallCells.pattern(values, sums, 5);

        // U goes with T (P minus U would be T); U1 then goes with U (U1 alone would add up to U).
        assertThat(withheld).containsExactlyInAnyOrder("T", "T1", "T2", "U", "U1");
    }
}

