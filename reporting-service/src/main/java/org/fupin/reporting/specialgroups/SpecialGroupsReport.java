package org.fupin.reporting.specialgroups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.scope.ReportRegion;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

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

    /** For the document only: a count that is null where it is withheld from the caller. */
    @Schema(name = "WithheldCount", type = SchemaType.INTEGER, format = "int64", nullable = true,
            description = "A count; null when withheld (see suppressed).")
    static final class WithheldCount {
        private WithheldCount() {
        }
    }

    /**
     * For the document only: counts keyed by grade ("1" to "4"), each null where withheld. Declared as
     * a class of its own because the Map's Long would otherwise make every value a non-null integer.
     */
    @Schema(name = "CountsByGrade", type = SchemaType.OBJECT, additionalProperties = WithheldCount.class)
    static final class CountsByGrade {
        private CountsByGrade() {
        }
    }

    /** The figures of one group of households; a withheld count is null and named in {@code suppressed}. */
    public record Group(
            long people,
            @Schema(description = "People with any disability grade.", nullable = true)
            Long disabled,
            @Schema(description = "Disabled people by grade 1 (most severe) to 4; every grade present (a withheld one null).",
                    implementation = CountsByGrade.class)
            Map<String, Long> disabledByGrade,
            @Schema(nullable = true) Long severeMentalIllness,
            @Schema(description = "The figures withheld from this caller: fewer than k people (default 5), or what would give one "
                    + "back from a total: a region's grades from its disabled people, or a region's figure from its parent region's "
                    + "and its other children's (small-cell suppression, for roles that do not see disability or mental illness in full).")
            List<String> suppressed) {

        /** The group of these figures (by {@link SpecialGroupsQuery}'s names; a missing one is 0) with {@code withheld} null. */
        static Group of(Map<String, Long> figures, Set<String> withheld) {
            Map<String, Long> grades = new LinkedHashMap<>();
            for (int grade = 1; grade <= 4; grade++) {
                grades.put(String.valueOf(grade), shown(figures, "disabledGrade" + grade, withheld));
            }
            List<String> suppressed = new ArrayList<>();
            for (String figure : SpecialGroupsDisclosure.DISABILITY) {
                if (withheld.contains(figure)) {
                    suppressed.add(figure);
                }
            }
            if (withheld.contains(SpecialGroupsDisclosure.MENTAL_ILLNESS)) {
                suppressed.add(SpecialGroupsDisclosure.MENTAL_ILLNESS);
            }
            return new Group(figures.getOrDefault("people", 0L), shown(figures, "disabled", withheld), Collections.unmodifiableMap(grades),
                    shown(figures, SpecialGroupsDisclosure.MENTAL_ILLNESS, withheld), List.copyOf(suppressed));
        }

        private static Long shown(Map<String, Long> figures, String figure, Set<String> withheld) {
            return withheld.contains(figure) ? null : figures.getOrDefault(figure, 0L);
        }
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
