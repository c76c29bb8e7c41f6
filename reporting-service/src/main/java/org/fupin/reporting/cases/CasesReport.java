package org.fupin.reporting.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.report.Figures;
import org.fupin.reporting.scope.ReportRegion;

/**
 * The decision pipeline (兩公示一公告) of a region as of a date: cases by kind and outcome, the open
 * ones by the stage they wait at and how many are overdue, the time each stage took, and the pipeline
 * of each township of a county (each village of a township).
 */
@Schema(name = "CasesReport")
public record CasesReport(
        ReportRegion region,
        LocalDate asOf,
        @Schema(nullable = true, description = "The kind asked for, or null for every kind.") String kind,
        List<KindFigures> kinds,
        @Schema(description = "Open cases by the stage they wait at on the date; a notice still running counts under the notice.")
        List<StageFigures> stages,
        @Schema(description = "Cases stopped by an objection waiting for the township's finding.") long objected,
        @Schema(description = "Open or objected cases whose awaited step is past its time limit on the date.") long overdue,
        @Schema(description = "Stages completed on or before the date and how many days they took (a notice included).")
        List<StageDuration> durations,
        @Schema(description = "The pipeline of each child region: townships of a county, villages of a township.")
        List<RegionPipeline> rows,
        Freshness freshness) implements CsvReport {

    /** Cases of one kind opened on or before the date, by where they stand on it. */
    public record KindFigures(String kind, long open, long objected, long approved, long rejected, long stopped, long withdrawn) {
    }

    /** Open cases waiting at one stage on the date. */
    public record StageFigures(String stage, @Schema(description = "Chinese label, e.g. 鄉鎮審核.") String label, long waiting,
            long overdue) {
    }

    /** How long a stage took, in days, over the times it was completed; the percentiles are null before the first. */
    public record StageDuration(String stage, String label, long completed, @Schema(nullable = true) BigDecimal medianDays,
            @Schema(nullable = true) BigDecimal p90Days) {
    }

    /** One child region's open cases by stage, objected and overdue. */
    public record RegionPipeline(ReportRegion region, Map<String, Long> waiting, long objected, long overdue) {
    }

    @Override
    public List<String> csvHeader() {
        return Figures.HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        Figures figures = new Figures(region.code(), asOf);
        for (KindFigures k : kinds) {
            figures.add("kind." + k.kind() + ".open", k.open());
            figures.add("kind." + k.kind() + ".objected", k.objected());
            figures.add("kind." + k.kind() + ".approved", k.approved());
            figures.add("kind." + k.kind() + ".rejected", k.rejected());
            figures.add("kind." + k.kind() + ".stopped", k.stopped());
            figures.add("kind." + k.kind() + ".withdrawn", k.withdrawn());
        }
        for (StageFigures s : stages) {
            figures.add("stage." + s.stage() + ".waiting", s.waiting());
            figures.add("stage." + s.stage() + ".overdue", s.overdue());
        }
        figures.add("objected", objected);
        figures.add("overdue", overdue);
        for (StageDuration d : durations) {
            figures.add("duration." + d.stage() + ".completed", d.completed());
            figures.add("duration." + d.stage() + ".medianDays", d.medianDays());
            figures.add("duration." + d.stage() + ".p90Days", d.p90Days());
        }
        for (RegionPipeline row : this.rows) {
            row.waiting().forEach((stage, count) -> figures.add(row.region().code(), "waiting." + stage, count));
            figures.add(row.region().code(), "objected", row.objected());
            figures.add(row.region().code(), "overdue", row.overdue());
        }
        return figures.rows();
    }
}
