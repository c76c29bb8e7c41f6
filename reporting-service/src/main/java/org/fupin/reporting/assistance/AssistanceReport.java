package org.fupin.reporting.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.scope.ReportRegion;

/**
 * Assistance coverage (幫扶覆蓋): households with and without an active helper, currently poor and
 * exited apart (脫貧不脫鉤: exited households keep theirs); villages with a resident work team;
 * measures and funds by type; visits in the 30 days up to the date.
 */
@Schema(name = "AssistanceReport")
public record AssistanceReport(
        ReportRegion region,
        LocalDate asOf,
        Coverage currentlyPoor,
        @Schema(description = "Households EXITED or MONITORED on the date.")
        Coverage exited,
        Villages villages,
        List<MeasureTotal> measures,
        Visits visits,
        Freshness freshness) implements CsvReport {

    /** Households of a group with and without a helper pairing active on the date. */
    public record Coverage(long households, long withHelper, long withoutHelper) {
    }

    /** Villages under the region, poor villages among them, and how many have a work team or a unit or group pairing. */
    public record Villages(long total, long withWorkTeam, long poor, long poorWithWorkTeam, long poorWithUnitOrGroup) {
    }

    /** Measures of one type started on or before the date, with their exact total amount (元). */
    public record MeasureTotal(String type, long measures, long confirmed, BigDecimal amount) {
    }

    /** Visits (走訪) in the 30 days up to and including the date. */
    public record Visits(long visits, long householdsVisited, long riskObserved) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("region", "asOf", "figure", "value");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        String code = region.code();
        rows.add(List.of(code, asOf, "currentlyPoor.households", currentlyPoor.households()));
        rows.add(List.of(code, asOf, "currentlyPoor.withHelper", currentlyPoor.withHelper()));
        rows.add(List.of(code, asOf, "currentlyPoor.withoutHelper", currentlyPoor.withoutHelper()));
        rows.add(List.of(code, asOf, "exited.households", exited.households()));
        rows.add(List.of(code, asOf, "exited.withHelper", exited.withHelper()));
        rows.add(List.of(code, asOf, "exited.withoutHelper", exited.withoutHelper()));
        rows.add(List.of(code, asOf, "villages.total", villages.total()));
        rows.add(List.of(code, asOf, "villages.withWorkTeam", villages.withWorkTeam()));
        rows.add(List.of(code, asOf, "villages.poor", villages.poor()));
        rows.add(List.of(code, asOf, "villages.poorWithWorkTeam", villages.poorWithWorkTeam()));
        rows.add(List.of(code, asOf, "villages.poorWithUnitOrGroup", villages.poorWithUnitOrGroup()));
        for (MeasureTotal measure : measures) {
            rows.add(List.of(code, asOf, "measures." + measure.type() + ".count", measure.measures()));
            rows.add(List.of(code, asOf, "measures." + measure.type() + ".confirmed", measure.confirmed()));
            rows.add(List.of(code, asOf, "measures." + measure.type() + ".amount", measure.amount()));
        }
        rows.add(List.of(code, asOf, "visits.last30Days", visits.visits()));
        rows.add(List.of(code, asOf, "visits.householdsVisited", visits.householdsVisited()));
        rows.add(List.of(code, asOf, "visits.riskObserved", visits.riskObserved()));
        return rows;
    }
}
