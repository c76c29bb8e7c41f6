package org.fupin.reporting.specialgroups;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.overview.HouseholdStatuses;
import org.fupin.reporting.report.HouseholdsAsOf;
import org.fupin.reporting.report.ReportRequest;
import org.fupin.platform.sql.Row;
import org.fupin.platform.sql.Rows;

/**
 * Counts special groups among the members who belonged to the households on the date. Disability
 * grades and mental illness are the latest known facts of each member: the events carry no date
 * for a change of grade.
 */
@ApplicationScoped
public class SpecialGroupsQuery {

    private final EntityManager entityManager;

    public SpecialGroupsQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SpecialGroupsReport specialGroups(ReportRequest request, Freshness freshness) {
        String sql = "with " + HouseholdsAsOf.statusAt(request) + """
                ,
                grouped as (
                    select household_id, case when status in %1$s then 'POOR' else 'EXITED' end as grp
                    from status_at where status in %1$s or status in %2$s
                )
                select g.grp, count(*) as people, count(m.disability_grade) as disabled,
                       count(*) filter (where m.disability_grade = 1) as grade_1, count(*) filter (where m.disability_grade = 2) as grade_2,
                       count(*) filter (where m.disability_grade = 3) as grade_3, count(*) filter (where m.disability_grade = 4) as grade_4,
                       count(*) filter (where m.severe_mental_illness) as severe_mental_illness
                from grouped g
                join member_fact m on m.household_id = g.household_id
                    and m.joined_on <= :asOf and (m.left_on is null or m.left_on > :asOf)
                group by g.grp""".formatted(HouseholdStatuses.CURRENTLY_POOR_SQL, HouseholdStatuses.EXITED_SQL);
        Map<String, SpecialGroupsReport.Group> groups = new HashMap<>();
        for (Row row : Rows.list(HouseholdsAsOf.bind(entityManager.createNativeQuery(sql), request), row -> row)) {
            groups.put(row.text("grp"), new SpecialGroupsReport.Group(row.count("people"), row.count("disabled"),
                    byGrade(grade -> row.count("grade_" + grade)), row.count("severe_mental_illness"), List.of()));
        }
        return new SpecialGroupsReport(request.region(), request.asOf(),
                groups.getOrDefault("POOR", empty()), groups.getOrDefault("EXITED", empty()), freshness);
    }

    private static SpecialGroupsReport.Group empty() {
        return new SpecialGroupsReport.Group(0, 0L, byGrade(grade -> 0L), 0L, List.of());
    }

    /** Disability grades 1 (most severe) to 4, in order. */
    private static Map<String, Long> byGrade(IntToLongFunction count) {
        Map<String, Long> byGrade = new LinkedHashMap<>();
        for (int grade = 1; grade <= 4; grade++) {
            byGrade.put(String.valueOf(grade), count.applyAsLong(grade));
        }
        return byGrade;
    }
}
