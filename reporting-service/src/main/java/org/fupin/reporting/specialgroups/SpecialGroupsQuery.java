package org.fupin.reporting.specialgroups;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;
import org.fupin.reporting.overview.HouseholdStatuses;
import org.fupin.reporting.report.HouseholdsAsOf;
import org.fupin.reporting.report.ReportRequest;

/**
 * Counts special groups among the members who belonged to the households on the date, village by village. Disability
 * grades and mental illness are the latest known facts of each member: the events carry no date for a change of grade.
 */
@ApplicationScoped
public class SpecialGroupsQuery {

    static final String POOR = "POOR";
    static final String EXITED = "EXITED";

    private final EntityManager entityManager;

    public SpecialGroupsQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The report of the region; for a caller who does not see disability ({@code disabilityInFull} false) or mental
     * illness in full, with the figures {@link SpecialGroupsDisclosure} withholds, which needs the whole county counted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SpecialGroupsReport specialGroups(ReportRequest request, Freshness freshness, boolean disabilityInFull,
            boolean mentalIllnessInFull, int k) {
        boolean withholding = !disabilityInFull || !mentalIllnessInFull;
        Map<String, Map<String, Map<String, Long>>> counts = byVillage(request,
                withholding ? request.countyPrefix() : request.prefix());
        String region = request.region().code();
        Map<String, SpecialGroupsReport.Group> groups = new HashMap<>();
        for (String group : new String[] { POOR, EXITED }) {
            Map<String, Map<String, Long>> villages = counts.getOrDefault(group, Map.of());
            Map<String, Long> figures = new LinkedHashMap<>();
            villages.forEach((village, figuresOfVillage) -> {
                if (village.startsWith(region)) {
                    figuresOfVillage.forEach((figure, count) -> figures.merge(figure, count, Long::sum));
                }
            });
            Set<String> withheld = withholding
                    ? SpecialGroupsDisclosure.withheld(villages, region, !disabilityInFull, !mentalIllnessInFull, k)
                    : Set.of();
            groups.put(group, SpecialGroupsReport.Group.of(figures, withheld));
        }
        return new SpecialGroupsReport(request.region(), request.asOf(), groups.get(POOR), groups.get(EXITED), freshness);
    }

    /** Group (POOR or EXITED) to village to figure to count, for the villages under {@code prefix}. */
    private Map<String, Map<String, Map<String, Long>>> byVillage(ReportRequest request, String prefix) {
        String sql = "with " + HouseholdsAsOf.statusAt(request) + """
                ,
                grouped as (
                    select household_id, village_code, case when status in %1$s then 'POOR' else 'EXITED' end as grp
                    from status_at where status in %1$s or status in %2$s
                )
                select g.grp, g.village_code, count(*) as people, count(m.disability_grade) as disabled,
                       count(*) filter (where m.disability_grade = 1) as grade_1, count(*) filter (where m.disability_grade = 2) as grade_2,
                       count(*) filter (where m.disability_grade = 3) as grade_3, count(*) filter (where m.disability_grade = 4) as grade_4,
                       count(*) filter (where m.severe_mental_illness) as severe_mental_illness
                from grouped g
                join member_fact m on m.household_id = g.household_id
                    and m.joined_on <= :asOf and (m.left_on is null or m.left_on > :asOf)
                group by g.grp, g.village_code""".formatted(HouseholdStatuses.CURRENTLY_POOR_SQL, HouseholdStatuses.EXITED_SQL);
        Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>();
        for (Row row : Rows.list(HouseholdsAsOf.bind(entityManager.createNativeQuery(sql), request).setParameter("prefix", prefix),
                row -> row)) {
            Map<String, Long> figures = new LinkedHashMap<>();
            figures.put("people", row.count("people"));
            figures.put("disabled", row.count("disabled"));
            for (int grade = 1; grade <= 4; grade++) {
                figures.put("disabledGrade" + grade, row.count("grade_" + grade));
            }
            figures.put(SpecialGroupsDisclosure.MENTAL_ILLNESS, row.count("severe_mental_illness"));
            counts.computeIfAbsent(row.text("grp"), g -> new HashMap<>()).put(row.text("village_code"), figures);
        }
        return counts;
    }
}
