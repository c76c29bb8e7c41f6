package org.fupin.household.registry.domain;

/** Household category (戶類型): general poor, subsistence allowance (低保) or extreme hardship (特困). */
public enum HouseholdCategory {
    GENERAL, SUBSISTENCE_ALLOWANCE, EXTREME_HARDSHIP
}
