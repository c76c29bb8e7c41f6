package org.fupin.reporting.exits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.scope.ReportRegion;

/**
 * The campaign's progress (脫貧攻堅進度): households whose exit was confirmed and households that
 * returned to poverty, per day, week or month, by the effective dates of those changes.
 */
@Schema(name = "ExitsReport")
public record ExitsReport(
        ReportRegion region,
        LocalDate asOf,
        LocalDate from,
        LocalDate to,
        Interval interval,
        @Schema(description = "Every period from the one holding `from` to the one holding `to`, empty ones included.")
        List<Period> periods,
        long exits,
        long returns,
        Freshness freshness) implements CsvReport {

    /** One period: it starts on {@code start} (a Monday for weeks, the 1st for months). */
    public record Period(LocalDate start, long exits, long returns, @Schema(description = "Exits from `from` to the end of this period.") long cumulativeExits) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("region", "interval", "periodStart", "exits", "returns", "cumulativeExits");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Period period : periods) {
            rows.add(List.of(region.code(), interval, period.start(), period.exits(), period.returns(), period.cumulativeExits()));
        }
        return rows;
    }
}
