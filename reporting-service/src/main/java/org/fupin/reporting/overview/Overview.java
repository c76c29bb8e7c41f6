package org.fupin.reporting.overview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
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
        Freshness freshness) {

    /** A total and its split by status (every status present, zero included). */
    public record Counts(long total, Map<String, Long> byStatus) {
    }

    /** Households and people currently poor: POOR, RETURNED and EXIT_PENDING. */
    public record CurrentlyPoor(long households, long people) {
    }

    /** Poor villages (貧困村) and deep-poverty villages (深度貧困村), and how many of each have exited (出列). */
    public record Villages(long poor, long poorExited, long deepPoverty, long deepPovertyExited) {
    }
}
