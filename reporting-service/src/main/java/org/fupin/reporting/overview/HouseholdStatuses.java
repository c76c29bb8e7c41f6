package org.fupin.reporting.overview;

import java.util.List;
import java.util.Set;

/** The statuses of the household lifecycle as reports count them. */
public final class HouseholdStatuses {

    public static final List<String> ALL = List.of("POOR", "EXIT_PENDING", "EXITED", "MONITORED", "RETURNED", "NOT_POOR", "REMOVED");

    /** Currently poor: not yet out, including those whose exit is under public notice. */
    public static final Set<String> CURRENTLY_POOR = Set.of("POOR", "RETURNED", "EXIT_PENDING");

    private HouseholdStatuses() {
    }
}
