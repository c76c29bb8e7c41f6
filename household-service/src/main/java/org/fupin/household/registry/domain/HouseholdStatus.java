package org.fupin.household.registry.domain;

/** Where a household stands in the poverty-alleviation lifecycle. */
public enum HouseholdStatus {
    POOR, EXIT_PENDING, EXITED, MONITORED, RETURNED, NOT_POOR, REMOVED
}
