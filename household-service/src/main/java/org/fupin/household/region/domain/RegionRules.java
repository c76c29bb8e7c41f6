package org.fupin.household.region.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fupin.kernel.Violation;

/**
 * What makes a region definition consistent: the code's length matches the level, the parent is
 * exactly one level up and a prefix of the code, and only a county stands without a parent.
 */
public final class RegionRules {

    private RegionRules() {
    }

    public static List<Violation> check(String code, RegionLevel level, String parentCode) {
        List<Violation> errors = new ArrayList<>();
        Optional<RegionLevel> levelOfCode = RegionLevel.ofCode(code);
        if (levelOfCode.isEmpty()) {
            errors.add(new Violation("code", "invalid-region-code",
                    "A region code has 6 (county), 9 (township) or 12 (village) digits."));
            return errors;
        }
        if (level != null && levelOfCode.get() != level) {
            errors.add(new Violation("level", "region-level-mismatch",
                    "A code of " + code.length() + " digits belongs to level " + levelOfCode.get() + "."));
            return errors;
        }
        RegionLevel actual = levelOfCode.get();
        if (actual == RegionLevel.COUNTY) {
            if (parentCode != null) {
                errors.add(new Violation("parentCode", "invalid-parent-region", "A county has no parent in this suite."));
            }
        } else if (parentCode == null) {
            errors.add(new Violation("parentCode", "required", "A township or village needs its parent's code."));
        } else if (parentCode.length() != actual.parentLevel().orElseThrow().codeLength() || !code.startsWith(parentCode)) {
            errors.add(new Violation("parentCode", "invalid-parent-region",
                    "The parent of " + code + " is the " + actual.parentLevel().orElseThrow().name().toLowerCase()
                            + " whose code it starts with."));
        }
        return errors;
    }
}
