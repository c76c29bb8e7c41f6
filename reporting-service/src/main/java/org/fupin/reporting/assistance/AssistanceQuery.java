package org.fupin.reporting.assistance;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.platform.sql.Rows;
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
        Coverages coverage = Rows.single(HouseholdsAsOf.bind(entityManager.createNativeQuery("with " + HouseholdsAsOf.statusAt(request) + """
                ,
                grouped as (
                    select s.household_id, s.status in %1$s as poor,
                           exists (select 1 from pairing_fact p where p.kind = 'HELPER_HOUSEHOLD' and p.household_id = s.household_id
                                   and p.start_date <= :asOf and (p.end_date is null or p.end_date > :asOf)) as helped
                    from status_at s where s.status in %1$s or s.status in %2$s
                )
                select count(*) filter (where poor) as poor, count(*) filter (where poor and helped) as poor_helped,
                       count(*) filter (where not poor) as exited, count(*) filter (where not poor and helped) as exited_helped
                from grouped""".formatted(HouseholdStatuses.CURRENTLY_POOR_SQL, HouseholdStatuses.EXITED_SQL)), request),
                row -> new Coverages(
                        coverage(row.count("poor"), row.count("poor_helped")),
                        coverage(row.count("exited"), row.count("exited_helped"))));

        AssistanceReport.Villages villages = Rows.single(entityManager.createNativeQuery("""
                with village as (
                    select v.code, v.poor_village or v.deep_poverty as poor,
                           exists (select 1 from work_team_fact t where t.village_code = v.code and t.start_date <= :asOf) as team,
                           exists (select 1 from pairing_fact p where p.village_code = v.code and p.kind <> 'HELPER_HOUSEHOLD'
                                   and p.start_date <= :asOf and (p.end_date is null or p.end_date > :asOf)) as unit
                    from region_fact v where v.level = 'VILLAGE' and v.code like :prefix
                )
                select count(*) as villages, count(*) filter (where team) as with_team, count(*) filter (where poor) as poor,
                       count(*) filter (where poor and team) as poor_with_team, count(*) filter (where poor and unit) as poor_with_unit
                from village""")
                .setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf()),
                row -> new AssistanceReport.Villages(row.count("villages"), row.count("with_team"), row.count("poor"),
                        row.count("poor_with_team"), row.count("poor_with_unit")));

        List<AssistanceReport.MeasureTotal> measures = Rows.list(entityManager.createNativeQuery("""
                select type, count(*) as measures, count(confirmed_on) filter (where confirmed_on <= :asOf) as confirmed,
                       coalesce(sum(amount), 0) as amount
                from measure_fact where village_code like :prefix and started_on <= :asOf
                group by type order by type""")
                .setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf()),
                row -> new AssistanceReport.MeasureTotal(row.text("type"), row.count("measures"), row.count("confirmed"),
                        row.decimal("amount")));

        AssistanceReport.Visits visits = Rows.single(entityManager.createNativeQuery("""
                select count(*) as visits, count(distinct household_id) as households,
                       count(*) filter (where risk_observed) as risk_observed
                from visit_fact where village_code like :prefix and visited_on > :from and visited_on <= :asOf""")
                .setParameter("prefix", request.prefix()).setParameter("asOf", request.asOf())
                .setParameter("from", request.asOf().minusDays(VISIT_WINDOW_DAYS)),
                row -> new AssistanceReport.Visits(row.count("visits"), row.count("households"), row.count("risk_observed")));

        return new AssistanceReport(request.region(), request.asOf(), coverage.poor(), coverage.exited(), villages, measures,
                visits, freshness);
    }

    /** Helper coverage of currently poor and of exited households. */
    private record Coverages(AssistanceReport.Coverage poor, AssistanceReport.Coverage exited) {
    }

    private static AssistanceReport.Coverage coverage(long households, long helped) {
        return new AssistanceReport.Coverage(households, helped, households - helped);
    }
}
