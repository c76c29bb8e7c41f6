package org.fupin.reporting.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.scope.ReportRegion;

/** The overview report of a region (總覽). */
@Schema(name = "OverviewReport")
public record Overview(
        ReportRegion region,
        LocalDate asOf,
        Counts households,
        Counts people,
        CurrentlyPoor currentlyPoor,
        @Schema(description = "Poor people / rural population, as a fraction (0.0123 = 1.23%); null without a rural population.")
        BigDecimal povertyIncidence,
        Villages villages,
        Freshness freshness) implements CsvReport {

    static Overview of(ReportRegion region, LocalDate asOf, RegionFigures figures, Freshness freshness) {
        return new Overview(region, asOf, figures.households(), figures.people(), figures.currentlyPoor(),
                figures.povertyIncidence(), figures.villages(), freshness);
    }

    @Override
    public List<String> csvHeader() {
        return List.of("region", "asOf", "figure", "value");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        households.byStatus().forEach((status, count) -> rows.add(List.of(region.code(), asOf, "households." + status, count)));
        rows.add(List.of(region.code(), asOf, "households.total", households.total()));
        people.byStatus().forEach((status, count) -> rows.add(List.of(region.code(), asOf, "people." + status, count)));
        rows.add(List.of(region.code(), asOf, "people.total", people.total()));
        rows.add(List.of(region.code(), asOf, "currentlyPoor.households", currentlyPoor.households()));
        rows.add(List.of(region.code(), asOf, "currentlyPoor.people", currentlyPoor.people()));
        rows.add(List.of(region.code(), asOf, "povertyIncidence", povertyIncidence == null ? "" : povertyIncidence));
        rows.add(List.of(region.code(), asOf, "villages.poor", villages.poor()));
        rows.add(List.of(region.code(), asOf, "villages.poorExited", villages.poorExited()));
        rows.add(List.of(region.code(), asOf, "villages.deepPoverty", villages.deepPoverty()));
        rows.add(List.of(region.code(), asOf, "villages.deepPovertyExited", villages.deepPovertyExited()));
        return rows;
    }

    /** A total and its split by status (every status present, zero included). */
    public record Counts(long total, Map<String, Long> byStatus) {
    }

    /** Households and people currently poor: POOR, RETURNED and EXIT_PENDING. */
    public record CurrentlyPoor(long households, long people) {
    }

    /** Poor villages (貧困村) and deep-poverty villages (深度貧困村), and how many of each have exited (出列). */
    public record Villages(long poor, long poorExited, long deepPoverty, long deepPovertyExited) {

        static final Villages NONE = new Villages(0, 0, 0, 0);

        Villages plus(Villages other) {
            return new Villages(poor + other.poor, poorExited + other.poorExited, deepPoverty + other.deepPoverty,
                    deepPovertyExited + other.deepPovertyExited);
        }
    }
}
