package org.fupin.reporting.specialgroups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.scope.ReportRegion;

/**
 * People who need special care (特殊困難群體): disabled people by grade and people with severe
 * mental illness, among the currently poor households and among the exited ones, on the date.
 */
@Schema(name = "SpecialGroupsReport")
public record SpecialGroupsReport(
        ReportRegion region,
        LocalDate asOf,
        @Schema(description = "Members of households POOR, RETURNED or EXIT_PENDING on the date.")
        Group currentlyPoor,
        @Schema(description = "Members of households EXITED or MONITORED (at risk again) on the date.")
        Group exited,
        Freshness freshness) implements CsvReport {

    /** The figures of one group of households. */
    public record Group(
            long people,
            @Schema(description = "People with any disability grade.")
            long disabled,
            @Schema(description = "Disabled people by grade 1 (most severe) to 4; every grade present.")
            Map<String, Long> disabledByGrade,
            long severeMentalIllness) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("region", "asOf", "group", "figure", "people");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "currentlyPoor", currentlyPoor);
        add(rows, "exited", exited);
        return rows;
    }

    private void add(List<List<Object>> rows, String name, Group group) {
        rows.add(List.of(region.code(), asOf, name, "people", group.people()));
        rows.add(List.of(region.code(), asOf, name, "disabled", group.disabled()));
        group.disabledByGrade().forEach((grade, count) ->
                rows.add(List.of(region.code(), asOf, name, "disabledGrade" + grade, count)));
        rows.add(List.of(region.code(), asOf, name, "severeMentalIllness", group.severeMentalIllness()));
    }
}
