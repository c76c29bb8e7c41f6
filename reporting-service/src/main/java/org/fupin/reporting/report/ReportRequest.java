package org.fupin.reporting.report;

import java.time.LocalDate;

import org.fupin.reporting.scope.ReportRegion;

/**
 * What a report is asked about: a region (already checked against the caller's scope) and a date.
 * {@code current} says that nothing in the read model is dated after {@code asOf}, so the report may
 * read the current figures instead of summing history up to the date.
 */
public record ReportRequest(ReportRegion region, LocalDate asOf, boolean current) {

    /** The LIKE pattern of every village under the region. */
    public String prefix() {
        return region.code() + "%";
    }

    /** The LIKE pattern of every village of the region's county. */
    public String countyPrefix() {
        return region.code().substring(0, 6) + "%";
    }
}
