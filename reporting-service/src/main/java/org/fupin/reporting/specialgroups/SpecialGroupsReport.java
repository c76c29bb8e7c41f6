package org.fupin.reporting.specialgroups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.platform.privacy.SmallCells;
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

    /** The figures of one group of households; a withheld count is null and named in {@code suppressed}. */
    public record Group(
            long people,
            @Schema(description = "People with any disability grade.", nullable = true)
            Long disabled,
            @Schema(description = "Disabled people by grade 1 (most severe) to 4; every grade present (a withheld one null).")
            Map<String, Long> disabledByGrade,
            @Schema(nullable = true) Long severeMentalIllness,
            @Schema(description = "The figures withheld from this caller: fewer than k people (default 5), or what would give one "
                    + "back from a total (small-cell suppression, for roles that do not see disability or mental illness in full).")
            List<String> suppressed) {

        /** The group with small cells withheld: disability figures unless {@code disability}, mental illness unless {@code mental}. */
        Group withheld(boolean disability, boolean mental, int k) {
            List<String> suppressed = new ArrayList<>();
            Long disabledShown = disabled;
            Map<String, Long> grades = new LinkedHashMap<>(disabledByGrade);
            if (!disability) {
                SmallCells.Suppression table = SmallCells.table(disabledByGrade, disabled, k);
                for (String grade : disabledByGrade.keySet()) {
                    if (table.cells().contains(grade)) {
                        grades.put(grade, null);
                        suppressed.add("disabledGrade" + grade);
                    }
                }
                if (table.total()) {
                    disabledShown = null;
                    suppressed.add("disabled");
                }
            }
            Long mentalShown = severeMentalIllness;
            if (!mental && SmallCells.small(severeMentalIllness, k)) {
                mentalShown = null;
                suppressed.add("severeMentalIllness");
            }
            return new Group(people, disabledShown, Collections.unmodifiableMap(grades), mentalShown, List.copyOf(suppressed));
        }
    }

    /**
     * The report as a caller sees it: counts of disability and of mental illness below k withheld (with what would give
     * them back) unless the caller sees that field in full.
     */
    public SpecialGroupsReport withheld(boolean disability, boolean mental, int k) {
        if (disability && mental) {
            return this;
        }
        return new SpecialGroupsReport(region, asOf, currentlyPoor.withheld(disability, mental, k), exited.withheld(disability, mental, k),
                freshness);
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
        rows.add(row(name, "disabled", group.disabled()));
        group.disabledByGrade().forEach((grade, count) -> rows.add(row(name, "disabledGrade" + grade, count)));
        rows.add(row(name, "severeMentalIllness", group.severeMentalIllness()));
    }

    /** A row of one figure; a withheld figure is an empty cell. */
    private List<Object> row(String group, String figure, Long count) {
        return Arrays.asList(region.code(), asOf, group, figure, count == null ? "" : count);
    }
}
