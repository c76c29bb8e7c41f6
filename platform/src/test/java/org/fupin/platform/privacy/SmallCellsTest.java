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
}
