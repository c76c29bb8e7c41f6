package org.fupin.reporting.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.scope.ReportRegion;

/**
 * Computes the overview of a region as of a date from the status history: each household counts
 * in the status it had on that date, and each member who belonged to it on that date counts as a
 * person. Households registered after the date do not count at all.
 */
@ApplicationScoped
public class OverviewQuery {

    /** The status of every household under the region prefix on the date, and its members on the date. */
    private static final String STATUS_AT = """
            with status_at as (
                select distinct on (h.household_id) h.household_id, f.village_code, h.to_status as status
                from household_status_history h
                join household_fact f on f.household_id = h.household_id
                where f.village_code like :prefix and h.effective_date <= :asOf
                order by h.household_id, h.effective_date desc, h.seq desc
            ),
            people_at as (
                select s.household_id, s.village_code, s.status, count(m.member_id) as people
                from status_at s
                left join member_fact m on m.household_id = s.household_id
                    and m.joined_on <= :asOf and (m.left_on is null or m.left_on > :asOf)
                group by s.household_id, s.village_code, s.status
            )
            """;

    private final EntityManager entityManager;
    private final ReportingConfig config;

    public OverviewQuery(EntityManager entityManager, ReportingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(ReportRegion region, LocalDate asOf, Freshness freshness) {
        Map<String, Long> households = zeroByStatus();
        Map<String, Long> people = zeroByStatus();
        List<?> rows = entityManager.createNativeQuery(STATUS_AT + """
                select status, count(*), coalesce(sum(people), 0) from people_at group by status""")
                .setParameter("prefix", region.code() + "%")
                .setParameter("asOf", asOf)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            households.put((String) columns[0], ((Number) columns[1]).longValue());
            people.put((String) columns[0], ((Number) columns[2]).longValue());
        }
        long poorHouseholds = sumOf(households, HouseholdStatuses.CURRENTLY_POOR);
        long poorPeople = sumOf(people, HouseholdStatuses.CURRENTLY_POOR);
        return new Overview(
                region,
                asOf,
                new Overview.Counts(households.values().stream().mapToLong(Long::longValue).sum(), households),
                new Overview.Counts(people.values().stream().mapToLong(Long::longValue).sum(), people),
                new Overview.CurrentlyPoor(poorHouseholds, poorPeople),
                incidence(poorPeople, region.ruralPopulation()),
                villages(region, asOf),
                freshness);
    }

    private Overview.Villages villages(ReportRegion region, LocalDate asOf) {
        Object[] row = (Object[]) entityManager.createNativeQuery(STATUS_AT + """
                , poor_people as (
                    select village_code, sum(people) as people from people_at
                    where status in ('POOR', 'RETURNED', 'EXIT_PENDING')
                    group by village_code
                ),
                village as (
                    select v.poor_village, v.deep_poverty,
                           v.rural_population > 0 and coalesce(p.people, 0) < :threshold * v.rural_population as exited
                    from region_fact v left join poor_people p on p.village_code = v.code
                    where v.level = 'VILLAGE' and v.code like :prefix and (v.poor_village or v.deep_poverty)
                )
                select count(*) filter (where poor_village),
                       count(*) filter (where poor_village and exited),
                       count(*) filter (where deep_poverty),
                       count(*) filter (where deep_poverty and exited)
                from village""")
                .setParameter("prefix", region.code() + "%")
                .setParameter("asOf", asOf)
                .setParameter("threshold", config.villageExitIncidence())
                .getSingleResult();
        return new Overview.Villages(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }

    static BigDecimal incidence(long poorPeople, Integer ruralPopulation) {
        if (ruralPopulation == null || ruralPopulation <= 0) {
            return null;
        }
        return BigDecimal.valueOf(poorPeople).divide(BigDecimal.valueOf(ruralPopulation), 4, RoundingMode.HALF_UP);
    }

    private static Map<String, Long> zeroByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        HouseholdStatuses.ALL.forEach(status -> counts.put(status, 0L));
        return counts;
    }

    private static long sumOf(Map<String, Long> counts, java.util.Set<String> statuses) {
        return statuses.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).sum();
    }
}
