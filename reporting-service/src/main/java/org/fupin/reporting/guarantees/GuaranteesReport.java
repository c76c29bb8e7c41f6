package org.fupin.reporting.guarantees;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.scope.ReportRegion;

/**
 * Guarantee gaps (兩不愁三保障 and more): of the currently poor households, how many fail each
 * dimension in their latest assessment on or before the date, and how many have no assessment.
 */
@Schema(name = "GuaranteesReport")
public record GuaranteesReport(
        ReportRegion region,
        LocalDate asOf,
        @Schema(description = "Households POOR, RETURNED or EXIT_PENDING on the date.")
        long currentlyPoorHouseholds,
        @Schema(description = "Of those, households with at least one assessment on or before the date.")
        long assessed,
        long notAssessed,
        @Schema(description = "Households failing at least one dimension.")
        long failingAny,
        @Schema(description = "Households failing each dimension (FOOD, CLOTHING, COMPULSORY_EDUCATION, BASIC_MEDICAL, "
                + "HOUSING, DRINKING_WATER, INCOME); every dimension present, zero included.")
        Map<String, Long> failing,
        Freshness freshness) implements CsvReport {

    /** The dimensions of an assessment, in the order the reports list them. */
    public static final List<String> DIMENSIONS = List.of("FOOD", "CLOTHING", "COMPULSORY_EDUCATION", "BASIC_MEDICAL",
            "HOUSING", "DRINKING_WATER", "INCOME");

    @Override
    public List<String> csvHeader() {
        return List.of("region", "asOf", "figure", "households");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(region.code(), asOf, "currentlyPoor", currentlyPoorHouseholds));
        rows.add(List.of(region.code(), asOf, "assessed", assessed));
        rows.add(List.of(region.code(), asOf, "notAssessed", notAssessed));
        rows.add(List.of(region.code(), asOf, "failingAny", failingAny));
        failing.forEach((dimension, count) -> rows.add(List.of(region.code(), asOf, "failing." + dimension, count)));
        return rows;
    }
}
