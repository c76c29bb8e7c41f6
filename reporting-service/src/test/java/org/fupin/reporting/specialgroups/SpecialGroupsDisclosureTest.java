package org.fupin.reporting.specialgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** No published figure of the special-groups report gives a withheld one back, across the levels of a county. */
class SpecialGroupsDisclosureTest {

    private static final String COUNTY = "500235";
    private static final String TOWNSHIP = COUNTY + "101";
    private static final String SMALL = TOWNSHIP + "201";
    private static final String LARGE = TOWNSHIP + "202";
    private static final String OTHER = COUNTY + "102201";

    private static Map<String, Long> village(long mentalIllness, long... grades) {
        Map<String, Long> figures = new HashMap<>();
        figures.put("severeMentalIllness", mentalIllness);
        long disabled = 0;
        for (int grade = 1; grade <= grades.length; grade++) {
            figures.put("disabledGrade" + grade, grades[grade - 1]);
            disabled += grades[grade - 1];
        }
        figures.put("disabled", disabled);
        return figures;
    }

    private final Map<String, Map<String, Long>> county = Map.of(
            SMALL, village(2, 0, 0, 0, 0),
            LARGE, village(6, 3, 3, 3, 3),
            OTHER, village(9, 10, 10, 10, 10));

    @Test
    void aVillagesSmallCountTakesItsSiblingAlongSoThatTheTownshipMinusTheSiblingDoesNotGiveItBack() {
        assertThat(SpecialGroupsDisclosure.withheld(county, SMALL, false, true, 5)).containsExactly("severeMentalIllness");
        // 6 is no small count, but the township (8) minus it would be the small village's 2.
        assertThat(SpecialGroupsDisclosure.withheld(county, LARGE, false, true, 5)).contains("severeMentalIllness");
        // The township and the county are shown: 8 and 17; the township's 8 is the sum of two withheld villages.
        assertThat(SpecialGroupsDisclosure.withheld(county, TOWNSHIP, false, true, 5)).isEmpty();
        assertThat(SpecialGroupsDisclosure.withheld(county, COUNTY, false, true, 5)).isEmpty();
    }

    @Test
    void gradesAndRegionsTogether() {
        // LARGE's grades are 3 each (small); its disabled total (12) would be their sum: the grades hide it with them.
        Set<String> large = SpecialGroupsDisclosure.withheld(county, LARGE, true, false, 5);
        assertThat(large).contains("disabledGrade1", "disabledGrade2", "disabledGrade3", "disabledGrade4");
        // The township's grades equal LARGE's (SMALL has none): shown there, they would give LARGE's back.
        assertThat(SpecialGroupsDisclosure.withheld(county, TOWNSHIP, true, false, 5)).contains("disabledGrade1");
        // A caller who sees both in full has nothing withheld.
        assertThat(SpecialGroupsDisclosure.withheld(county, LARGE, false, false, 5)).isEmpty();
    }
}
