package org.fupin.reporting.guarantees;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.overview.HouseholdStatuses;
import org.fupin.reporting.report.HouseholdsAsOf;
import org.fupin.reporting.report.ReportRequest;
import org.fupin.platform.sql.Rows;

/** Counts the guarantee gaps of the currently poor households in one pass of SQL. */
@ApplicationScoped
public class GuaranteesQuery {

    private final EntityManager entityManager;

    public GuaranteesQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GuaranteesReport guarantees(ReportRequest request, Freshness freshness) {
        String sql = "with " + HouseholdsAsOf.statusAt(request) + """
                ,
                poor as (select household_id from status_at where status in %1$s),
                latest as (
                    select p.household_id, a.failing_dimensions
                    from poor p
                    left join lateral (
                        select failing_dimensions from assessment_fact a
                        where a.household_id = p.household_id and a.assessed_on <= :asOf
                        order by a.assessed_on desc, a.assessment_id desc limit 1
                    ) a on true
                )
                select count(*) as poor, count(failing_dimensions) as assessed,
                       count(*) filter (where cardinality(failing_dimensions) > 0) as failing_any,
                       %2$s
                from latest""".formatted(HouseholdStatuses.CURRENTLY_POOR_SQL, String.join(", ", GuaranteesReport.DIMENSIONS.stream()
                .map(d -> "count(*) filter (where '" + d + "' = any(failing_dimensions)) as failing_" + d).toList()));
        return Rows.single(HouseholdsAsOf.bind(entityManager.createNativeQuery(sql), request), row -> {
            long poor = row.count("poor");
            long assessed = row.count("assessed");
            Map<String, Long> failing = new LinkedHashMap<>();
            for (String dimension : GuaranteesReport.DIMENSIONS) {
                failing.put(dimension, row.count("failing_" + dimension));
            }
            return new GuaranteesReport(request.region(), request.asOf(), poor, assessed, poor - assessed,
                    row.count("failing_any"), failing, freshness);
        });
    }
}
