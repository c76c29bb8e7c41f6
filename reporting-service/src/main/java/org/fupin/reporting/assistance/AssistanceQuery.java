package org.fupin.reporting.assistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.overview.HouseholdStatuses;
import org.fupin.reporting.report.HouseholdsAsOf;
import org.fupin.reporting.report.ReportRequest;

/**
 * Counts assistance coverage from the pairing, work-team, measure and visit facts, each by its own
 * date: a pairing is active on a date from its start until the day before its end. Measures count
 * with their latest amount and status (a change to a measure carries no date of its own that the
 * ledger keeps).
 */
@ApplicationScoped
public class AssistanceQuery {

    /** How many days up to the date count as "recent" visits. */
    static final int VISIT_WINDOW_DAYS = 30;

    private final EntityManager entityManager;

    public AssistanceQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssistanceReport assistance(ReportRequest request, Freshness freshness) {
        Object[] coverage = (Object[]) HouseholdsAsOf.bind(entityManager.createNativeQuery("with " + HouseholdsAsOf.statusAt(request) + """
                ,
                grouped as (
                    select s.household_id, s.status in %1$s as poor,
                           exists (select 1 from pairing_fact p where p.kind = 'HELPER_HOUSEHOLD' and p.household_id = s.household_id
                                   and p.start_date <= :asOf and (p.end_date is null or p.end_date > :asOf)) as helped
                    from status_at s where s.status in %1$s or s.status in %2$s
                )
                select count(*) filter (where poor), count(*) filter (where poor and helped),
                       count(*) filter (where not poor), count(*) filter (where not poor and helped)
                from grouped""".formatted(HouseholdStatuses.CURRENTLY_POOR_SQL, HouseholdStatuses.EXITED_SQL)), request)
                .getSingleResult();
        long poor = number(coverage[0]);
        long poorHelped = number(coverage[1]);
        long exited = number(coverage[2]);
        long exitedHelped = number(coverage[3]);

        Object[] villages = (Object[]) entityManager.createNativeQuery("""
                with village as (
                    select v.code, v.poor_village or v.deep_poverty as poor,
                           exists (select 1 from work_team_fact t where t.village_code = v.code and t.start_date <= :asOf) as team,
                           exists (select 1 from pairing_fact p where p.village_code = v.code and p.kind <> 'HELPER_HOUSEHOLD'
                                   and p.start_date <= :asOf and (p.end_date is null or p.end_date > :asOf)) as unit
                    from region_fact v where v.level = 'VILLAGE' and v.code like :prefix
                )
                select count(*), count(*) filter (where team), count(*) filter (where poor),
                       count(*) filter (where poor and team), count(*) filter (where poor and unit)
                from village""")
                .setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf()).getSingleResult();

        List<AssistanceReport.MeasureTotal> measures = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select type, count(*), count(confirmed_on) filter (where confirmed_on <= :asOf), coalesce(sum(amount), 0)
                from measure_fact where village_code like :prefix and started_on <= :asOf
                group by type order by type""")
                .setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf()).getResultList()) {
            Object[] c = (Object[]) row;
            measures.add(new AssistanceReport.MeasureTotal((String) c[0], number(c[1]), number(c[2]), (BigDecimal) c[3]));
        }

        Object[] visits = (Object[]) entityManager.createNativeQuery("""
                select count(*), count(distinct household_id), count(*) filter (where risk_observed)
                from visit_fact where village_code like :prefix and visited_on > :from and visited_on <= :asOf""")
                .setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf())
                .setParameter("from", request.asOf().minusDays(VISIT_WINDOW_DAYS)).getSingleResult();

        return new AssistanceReport(request.region(), request.asOf(),
                new AssistanceReport.Coverage(poor, poorHelped, poor - poorHelped),
                new AssistanceReport.Coverage(exited, exitedHelped, exited - exitedHelped),
                new AssistanceReport.Villages(number(villages[0]), number(villages[1]), number(villages[2]),
                        number(villages[3]), number(villages[4])),
                measures,
                new AssistanceReport.Visits(number(visits[0]), number(visits[1]), number(visits[2])),
                freshness);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
