package org.fupin.reporting.specialgroups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fupin.platform.privacy.SmallCells;

/**
 * Which figures of the special-groups report a caller without full access to disability or mental illness does not
 * see, for one group of households. Every region of a county can be asked for, so a figure is withheld with the
 * whole county in view: a township's count is the sum of its villages' and the county's of its townships', and a
 * region's disabled people the sum of its grades; a small count, and whatever would give it back by subtracting
 * published figures from a published total (the township minus its other villages), is withheld the same way for
 * every caller ({@link SmallCells#pattern}).
 */
final class SpecialGroupsDisclosure {

    static final List<String> DISABILITY = List.of("disabled", "disabledGrade1", "disabledGrade2", "disabledGrade3", "disabledGrade4");
    static final String MENTAL_ILLNESS = "severeMentalIllness";

    private SpecialGroupsDisclosure() {
    }

    /** A figure of a region. */
    private record Cell(String region, String figure) {
    }

    /**
     * The figures of {@code region} to withhold, given every village's figures of its county (villages without people
     * of the group may be missing), the families the caller does not see in full, and k.
     */
    static Set<String> withheld(Map<String, Map<String, Long>> byVillage, String region, boolean disability, boolean mentalIllness,
            int k) {
        List<String> figures = new ArrayList<>();
        if (disability) {
            figures.addAll(DISABILITY);
        }
        if (mentalIllness) {
            figures.add(MENTAL_ILLNESS);
        }
        if (figures.isEmpty()) {
            return Set.of();
        }
        // Every region with people of the group (villages, their townships, the county), with its figures summed up.
        Map<String, Map<String, Long>> regions = new TreeMap<>();
        byVillage.forEach((village, counts) -> {
            for (String code : List.of(village, village.substring(0, 9), village.substring(0, 6))) {
                Map<String, Long> sums = regions.computeIfAbsent(code, c -> new HashMap<>());
                counts.forEach((figure, count) -> sums.merge(figure, count, Long::sum));
            }
        });
        Map<Cell, Long> values = new HashMap<>();
        Map<String, List<String>> children = new TreeMap<>();
        regions.forEach((code, counts) -> {
            figures.forEach(figure -> values.put(new Cell(code, figure), counts.getOrDefault(figure, 0L)));
            if (code.length() > 6) {
                children.computeIfAbsent(code.substring(0, code.length() - 3), p -> new ArrayList<>()).add(code);
            }
        });
        List<SmallCells.Sum<Cell>> sums = new ArrayList<>();
        children.forEach((parent, kids) -> figures.forEach(figure ->
                sums.add(new SmallCells.Sum<>(new Cell(parent, figure), kids.stream().map(kid -> new Cell(kid, figure)).toList()))));
        if (disability) {
            regions.keySet().forEach(code -> sums.add(new SmallCells.Sum<>(new Cell(code, DISABILITY.get(0)),
                    DISABILITY.subList(1, DISABILITY.size()).stream().map(grade -> new Cell(code, grade)).toList())));
        }
        Set<Cell> withheld = SmallCells.pattern(values, sums, k);
        Set<String> ofRegion = new LinkedHashSet<>();
        figures.stream().filter(figure -> withheld.contains(new Cell(region, figure))).forEach(ofRegion::add);
        return ofRegion;
    }
}
