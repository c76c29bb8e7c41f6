package org.fupin.reporting.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.report.Figures;
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
        return Figures.HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        Figures figures = new Figures(region.code(), asOf);
        figures.add("currentlyPoor.households", currentlyPoor.households());
        figures.add("currentlyPoor.withHelper", currentlyPoor.withHelper());
        figures.add("currentlyPoor.withoutHelper", currentlyPoor.withoutHelper());
        figures.add("exited.households", exited.households());
        figures.add("exited.withHelper", exited.withHelper());
        figures.add("exited.withoutHelper", exited.withoutHelper());
        figures.add("villages.total", villages.total());
        figures.add("villages.withWorkTeam", villages.withWorkTeam());
        figures.add("villages.poor", villages.poor());
        figures.add("villages.poorWithWorkTeam", villages.poorWithWorkTeam());
        figures.add("villages.poorWithUnitOrGroup", villages.poorWithUnitOrGroup());
        for (MeasureTotal measure : measures) {
            figures.add("measures." + measure.type() + ".count", measure.measures());
            figures.add("measures." + measure.type() + ".confirmed", measure.confirmed());
            figures.add("measures." + measure.type() + ".amount", measure.amount());
        }
        figures.add("visits.last30Days", visits.visits());
        figures.add("visits.householdsVisited", visits.householdsVisited());
        figures.add("visits.riskObserved", visits.riskObserved());
        return figures.rows();
    }
}
