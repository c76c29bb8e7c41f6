package org.fupin.household.region.domain;

import java.util.Optional;

/**
 * The three levels of the administrative hierarchy (GB/T 2260 and the statistical village codes):
 * county 6 digits, township 9, village 12. A child's code extends its parent's.
 */
public enum RegionLevel {
    COUNTY(6),
    TOWNSHIP(9),
    VILLAGE(12);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level of the parent, empty for the county (the root of this suite). */
    public Optional<RegionLevel> parentLevel() {
        return switch (this) {
            case COUNTY -> Optional.empty();
            case TOWNSHIP -> Optional.of(COUNTY);
            case VILLAGE -> Optional.of(TOWNSHIP);
        };
    }

    /** The level of the children, empty for the village. */
    public Optional<RegionLevel> childLevel() {
        return switch (this) {
            case COUNTY -> Optional.of(TOWNSHIP);
            case TOWNSHIP -> Optional.of(VILLAGE);
            case VILLAGE -> Optional.empty();
        };
    }

    /** The level a code of this length belongs to. */
    public static Optional<RegionLevel> ofCode(String code) {
        if (code == null || !code.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        for (RegionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
