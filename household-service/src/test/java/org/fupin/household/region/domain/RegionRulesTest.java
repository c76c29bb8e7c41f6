package org.fupin.household.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fupin.kernel.Violation;
import org.junit.jupiter.api.Test;

/** Region codes nest by prefix and their length names the level. */
class RegionRulesTest {

    @Test
    void acceptsTheThreeLevels() {
        assertThat(RegionRules.check("500235", RegionLevel.COUNTY, null)).isEmpty();
        assertThat(RegionRules.check("500235101", RegionLevel.TOWNSHIP, "500235")).isEmpty();
        assertThat(RegionRules.check("500235101201", RegionLevel.VILLAGE, "500235101")).isEmpty();
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(codes("50023", RegionLevel.COUNTY, null)).containsExactly("invalid-region-code");
        assertThat(codes("50023A", RegionLevel.COUNTY, null)).containsExactly("invalid-region-code");
        assertThat(codes("500235101", RegionLevel.VILLAGE, "500235")).containsExactly("region-level-mismatch");
        assertThat(codes("500235101", RegionLevel.TOWNSHIP, null)).containsExactly("required");
        assertThat(codes("500235101", RegionLevel.TOWNSHIP, "500236")).containsExactly("invalid-parent-region");
        assertThat(codes("500235101201", RegionLevel.VILLAGE, "500235")).containsExactly("invalid-parent-region");
        assertThat(codes("500235", RegionLevel.COUNTY, "500000")).containsExactly("invalid-parent-region");
    }

    private static List<String> codes(String code, RegionLevel level, String parent) {
        return RegionRules.check(code, level, parent).stream().map(Violation::code).toList();
    }
}
