package org.fupin.reporting.overview;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.reporting.overview.Overview.Counts;
import org.fupin.reporting.overview.Overview.CurrentlyPoor;
import org.fupin.reporting.overview.Overview.Villages;
import org.fupin.reporting.scope.ReportRegion;

/** The overview figures of one region, as a row of the breakdown. */
@Schema(name = "RegionFigures")
public record RegionFigures(
        ReportRegion region,
        Counts households,
        Counts people,
        CurrentlyPoor currentlyPoor,
        @Schema(description = "Poor people / rural population, as a fraction; null without a rural population.", nullable = true)
        BigDecimal povertyIncidence,
        Villages villages,
        @Schema(description = "A village: the day the county announced its exit (貧困村出列), if on or before the date; else null.", nullable = true)
        LocalDate exitDecidedOn) {
}
