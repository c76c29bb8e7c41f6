package org.fupin.reporting.overview;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The statuses of the household lifecycle as reports count them. */
public final class HouseholdStatuses {

    public static final List<String> ALL = List.of("POOR", "EXIT_PENDING", "EXITED", "MONITORED", "RETURNED", "NOT_POOR", "REMOVED");

    /** Currently poor: not yet out, including those whose exit is under public notice. */
    public static final Set<String> CURRENTLY_POOR = Set.of("POOR", "RETURNED", "EXIT_PENDING");

    /** Out of poverty, including those watched again for the risk of returning (脫貧不脫鉤 still helps them). */
    public static final Set<String> EXITED = Set.of("EXITED", "MONITORED");

    /** {@link #CURRENTLY_POOR} as an SQL list, for {@code status in (...)}. */
    public static final String CURRENTLY_POOR_SQL = sqlList(CURRENTLY_POOR);

    /** {@link #EXITED} as an SQL list. */
    public static final String EXITED_SQL = sqlList(EXITED);

    private HouseholdStatuses() {
    }

    private static String sqlList(Set<String> statuses) {
        return statuses.stream().sorted().map(status -> "'" + status + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
