package org.fupin.reporting.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.report.Figures;
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
        return Figures.HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        Figures figures = new Figures(region.code(), asOf);
        households.byStatus().forEach((status, count) -> figures.add("households." + status, count));
        figures.add("households.total", households.total());
        people.byStatus().forEach((status, count) -> figures.add("people." + status, count));
        figures.add("people.total", people.total());
        figures.add("currentlyPoor.households", currentlyPoor.households());
        figures.add("currentlyPoor.people", currentlyPoor.people());
        figures.add("povertyIncidence", povertyIncidence);
        figures.add("villages.poor", villages.poor());
        figures.add("villages.poorExited", villages.poorExited());
        figures.add("villages.deepPoverty", villages.deepPoverty());
        figures.add("villages.deepPovertyExited", villages.deepPovertyExited());
        figures.add("villages.poorExitDecided", villages.poorExitDecided());
        return figures.rows();
    }

    /** A total and its split by status (every status present, zero included). */
    public record Counts(long total, Map<String, Long> byStatus) {
    }

    /** Households and people currently poor: POOR, RETURNED and EXIT_PENDING. */
    public record CurrentlyPoor(long households, long people) {
    }

    /**
     * Poor villages (貧困村) and deep-poverty villages (深度貧困村), how many of each meet the exit threshold
     * (poverty incidence under it: poorExited, deepPovertyExited), and how many poor villages the county has
     * decided to exit (出列, announced on or before the date: poorExitDecided).
     */
    public record Villages(long poor,
            @Schema(description = "Poor villages whose poverty incidence is under the exit threshold on the date.") long poorExited,
            long deepPoverty, long deepPovertyExited,
            @Schema(description = "Poor villages whose exit the county approved and announced on or before the date.")
            long poorExitDecided) {

        static final Villages NONE = new Villages(0, 0, 0, 0, 0);

        Villages plus(Villages other) {
            return new Villages(poor + other.poor, poorExited + other.poorExited, deepPoverty + other.deepPoverty,
                    deepPovertyExited + other.deepPovertyExited, poorExitDecided + other.poorExitDecided);
        }
    }
}
